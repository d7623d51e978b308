package org.mfaplatform.login.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottleKeysTest {

    private static final String EMAIL = "alice@example.com";
    private static final String ADDRESS = "203.0.113.9";

    private final ThrottleKeys keys = ThrottleKeys.of(EMAIL, ADDRESS);

    @Test
    void emailIsCountedAsNormalized() {
        assertEquals(keys, ThrottleKeys.of(" Alice@Example.COM ", ADDRESS));
    }

    @Test
    void otherEmailFromSameAddressHasItsOwnPairButTheSameAddress() {
        ThrottleKeys bob = ThrottleKeys.of("bob@example.com", ADDRESS);

        assertNotEquals(keys.pair(), bob.pair());
        assertEquals(keys.address(), bob.address());
    }

    @Test
    void sameEmailFromOtherAddressHasItsOwnPair() {
        assertNotEquals(keys.pair(), ThrottleKeys.of(EMAIL, "198.51.100.4").pair());
    }

    @Test
    void anAddressNeverSharesAKeyWithAPair() {
        assertNotEquals(keys.address(), ThrottleKeys.of("", ADDRESS).pair());
    }

    @Test
    void keysHoldNoEmailOrAddress() {
        for (String key : List.of(keys.pair(), keys.address())) {
            assertTrue(key.matches("[0-9a-f]{64}"), "a SHA-256 digest in hex: " + key);
            assertFalse(key.contains("alice") || key.contains("203.0"));
        }
    }

    @Test
    void byDefaultOnlyThePairIsCounted() {
        assertEquals(List.of(keys.pair()), keys.counted(ThrottleLimits.defaults()));
    }

    @Test
    void whereAddressesAreLimitedTheAddressIsCountedToo() {
        ThrottleLimits limitingAddresses =
                new ThrottleLimits(
                        5,
                        20,
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(15));

        assertEquals(List.of(keys.pair(), keys.address()), keys.counted(limitingAddresses));
    }
}
