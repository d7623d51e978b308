package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At t = 1234567890 the SHA1 seed of RFC 6238 gives 89005924, so 005924 with six digits. That
 * instant starts time step 41152263 exactly, so moving the clock by 30 s moves one step.
 */
class TotpVerifierTest {

    private static final long RFC_TIME = 1_234_567_890L;
    private static final String RFC_CODE = "005924";
    private static final long RFC_STEP = 41_152_263L;
    private static final long NOTHING_USED = -1L;

    private static TotpVerifier verifierAt(long unixTime) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(unixTime), ZoneOffset.UTC);
        return new TotpVerifier(TotpPolicy.defaults(), clock);
    }

    @Test
    void acceptsCodeWithLeadingZerosInItsOwnStep() {
        OptionalLong step =
                verifierAt(RFC_TIME).matchingStep(Rfc6238.SHA1_SEED, RFC_CODE, NOTHING_USED);

        assertEquals(OptionalLong.of(RFC_STEP), step, "005924 is the code of step T");
    }

    @Test
    void acceptsCodeOfPreviousStep() {
        OptionalLong step =
                verifierAt(RFC_TIME + 30).matchingStep(Rfc6238.SHA1_SEED, RFC_CODE, NOTHING_USED);

        assertEquals(OptionalLong.of(RFC_STEP), step, "the code of T-1 is inside the window");
    }

    @Test
    void acceptsCodeOfNextStep() {
        OptionalLong step =
                verifierAt(RFC_TIME - 30).matchingStep(Rfc6238.SHA1_SEED, RFC_CODE, NOTHING_USED);

        assertEquals(OptionalLong.of(RFC_STEP), step, "the code of T+1 is inside the window");
    }

    @Test
    void rejectsCodeTwoStepsOld() {
        OptionalLong step =
                verifierAt(RFC_TIME + 60).matchingStep(Rfc6238.SHA1_SEED, RFC_CODE, NOTHING_USED);

        assertTrue(step.isEmpty(), "the code of T-2 is outside the window");
    }

    @Test
    void rejectsCodeTwoStepsAhead() {
        OptionalLong step =
                verifierAt(RFC_TIME - 60).matchingStep(Rfc6238.SHA1_SEED, RFC_CODE, NOTHING_USED);

        assertTrue(step.isEmpty(), "the code of T+2 is outside the window");
    }

    @Test
    void rejectsCodeReplayedInSameTimeStep() {
        OptionalLong step =
                verifierAt(RFC_TIME).matchingStep(Rfc6238.SHA1_SEED, RFC_CODE, RFC_STEP);

        assertTrue(step.isEmpty(), "a step already used must not be accepted again");
    }

    @Test
    void rejectsCodeOlderThanLastAcceptedStep() {
        OptionalLong step =
                verifierAt(RFC_TIME + 30).matchingStep(Rfc6238.SHA1_SEED, RFC_CODE, RFC_STEP + 1);

        assertTrue(step.isEmpty(), "a step before the last used one must not be accepted");
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @NullSource
    @ValueSource(
            strings = {
                "5924",
                "05924",
                "0005924",
                "",
                "   ",
                "00592a",
                "٠٠٥٩٢٤",
                "００５９２４",
                "+05924",
                "005-924",
                "005\u00A0924",
                "005\t924",
                "0 0 5 9 2",
                "005 9245"
            })
    void rejectsCodesThatAreNotExactlySixDigits(String submitted) {
        OptionalLong step =
                verifierAt(RFC_TIME).matchingStep(Rfc6238.SHA1_SEED, submitted, NOTHING_USED);

        assertTrue(step.isEmpty(), "only exactly six ASCII digits may match: " + submitted);
    }

    /** As Google and Microsoft Authenticator show a code, and as people copy it with blanks. */
    @ParameterizedTest(name = "accepts \"{0}\"")
    @ValueSource(
            strings = {"005 924", "00 59 24", " 005924", "005924 ", " 005 924 ", "0 0 5 9 2 4"})
    void acceptsCodeWithAsciiSpaces(String submitted) {
        OptionalLong step =
                verifierAt(RFC_TIME).matchingStep(Rfc6238.SHA1_SEED, submitted, NOTHING_USED);

        assertEquals(
                OptionalLong.of(RFC_STEP), step, "spaces are no part of the code: " + submitted);
    }

    @Test
    void rejectsWrongCodeWithSpaceInside() {
        OptionalLong step =
                verifierAt(RFC_TIME).matchingStep(Rfc6238.SHA1_SEED, "005 925", NOTHING_USED);

        assertTrue(step.isEmpty(), "dropping the space must not make a wrong code right");
    }

    @Test
    void rejectsWrongCode() {
        OptionalLong step =
                verifierAt(RFC_TIME).matchingStep(Rfc6238.SHA1_SEED, "005925", NOTHING_USED);

        assertTrue(step.isEmpty(), "a code one off must be refused");
    }
}
