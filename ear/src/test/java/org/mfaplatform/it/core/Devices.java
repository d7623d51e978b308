package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.SetupChallenge;
import org.mfaplatform.enrollment.boundary.SetupOutcome;
import org.mfaplatform.totp.control.SharedSecret;
import org.mfaplatform.totp.control.TotpCodeGenerator;
import org.mfaplatform.totp.control.TotpPolicy;

/**
 * Tokens and active devices for the tests through the EJB boundary. Codes come from the generator
 * the unit tests check against RFC 6238 Appendix B; the browser tests use oathtool instead.
 */
final class Devices {

    private static final TotpPolicy POLICY = TotpPolicy.defaults();

    private Devices() {}

    /**
     * The token of the step {@code offset} steps from now, as the app with this key shows it.
     *
     * @param key the Base32 key, grouped for reading or not
     */
    static String code(String key, int offset) {
        long step = POLICY.timeStep(Instant.now(Clock.systemUTC())) + offset;
        return new TotpCodeGenerator(POLICY)
                .codeAt(SharedSecret.decode(key.replace(" ", "")), step);
    }

    /** Sets up a device for the account and confirms it with the current step's token. */
    static SetupChallenge activate(Enrollment enrollment, long accountId, String sourceAddress) {
        SetupChallenge challenge = enrollment.startSetup(accountId);
        assertEquals(
                SetupOutcome.ACTIVATED,
                enrollment.confirmSetup(
                        accountId, code(challenge.getKeyForManualEntry(), 0), sourceAddress),
                "setup confirmed with the current code");
        return challenge;
    }
}
