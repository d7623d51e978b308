package org.mfaplatform.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenLockPolicyTest {

    private final TokenLockPolicy defaults = TokenLockPolicy.defaults();

    @ParameterizedTest(name = "{0} wrong tokens in a row lock the token step for {1} minutes")
    @CsvSource({
        "1, 0", "9, 0", "10, 15", "11, 0", "19, 0", "20, 30", "30, 60", "40, 120", "45, 0",
    })
    void doublesEachLockOfTheDefaults(int failures, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), defaults.tokenLockAfter(failures));
    }

    @Test
    void locksTheAccountAtFiftyWrongTokensInARow() {
        assertFalse(defaults.locksAccount(49));
        assertTrue(defaults.locksAccount(50));
        assertTrue(defaults.locksAccount(51));
    }

    @Test
    void neverLocksLongerThanTheLongestLock() {
        TokenLockPolicy everyFailure =
                new TokenLockPolicy(1, Duration.ofMinutes(15), Duration.ofHours(24), 1_000);

        assertEquals(Duration.ofMinutes(15), everyFailure.tokenLockAfter(1));
        assertEquals(Duration.ofMinutes(960), everyFailure.tokenLockAfter(7));
        assertEquals(Duration.ofHours(24), everyFailure.tokenLockAfter(8));
        assertEquals(Duration.ofHours(24), everyFailure.tokenLockAfter(999));
    }

    @Test
    void startsNoLockWithoutFailures() {
        assertEquals(Duration.ZERO, defaults.tokenLockAfter(0));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TokenLockPolicy(0, Duration.ofMinutes(15), Duration.ofHours(1), 50));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TokenLockPolicy(10, Duration.ofMinutes(15), Duration.ofHours(1), 5));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TokenLockPolicy(10, Duration.ZERO, Duration.ofHours(1), 50));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TokenLockPolicy(10, Duration.ofHours(2), Duration.ofHours(1), 50));
    }
}
