package org.mfaplatform.totp.control;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * Decides whether a submitted code is valid now, per RFC 6238 section 5.2.
 *
 * <p>The clock is a parameter so that tests move time instead of waiting for it.
 */
public final class TotpVerifier {

    private final TotpPolicy policy;
    private final Clock clock;
    private final TotpCodeGenerator generator;

    public TotpVerifier(TotpPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.generator = new TotpCodeGenerator(policy);
    }

    /**
     * Finds the time step whose code equals {@code submitted}, looking {@code window} steps to each
     * side of now and skipping steps at or before {@code lastAcceptedStep}, so that a code is never
     * good twice (RFC 6238 section 5.2, last paragraph).
     *
     * <p>A code must have exactly the policy's number of digits: {@code 5924} is not {@code
     * 005924}, because leniency there would shrink the space an attacker has to guess. Blanks
     * around the code and ASCII spaces inside it are dropped first, because authenticator apps show
     * codes as {@code 693 871} and people type them so; a space adds no guess.
     *
     * @return the matching time step, to be stored as the new last accepted one, or empty
     */
    public OptionalLong matchingStep(byte[] key, String typed, long lastAcceptedStep) {
        String submitted = normalized(typed);
        if (!isWellFormed(submitted)) {
            return OptionalLong.empty();
        }

        // Codes compare as numbers, in one instruction rather than digit by digit, so response
        // times cannot tell how many leading digits of a guess were right; every step of the
        // window is computed and compared, whether an earlier one matched or not, for the same
        // reason. At most 8 digits, so the number fits an int.
        int submittedValue = Integer.parseInt(submitted);
        long first = policy.timeStep(clock.instant()) - policy.window();
        int[] codes = generator.valuesFrom(key, first, 2 * policy.window() + 1);
        OptionalLong match = OptionalLong.empty();
        for (int i = 0; i < codes.length; i++) {
            long step = first + i;
            boolean equal = codes[i] == submittedValue;
            if (equal && step > lastAcceptedStep && match.isEmpty()) {
                match = OptionalLong.of(step);
            }
        }

        return match;
    }

    /** The time step a code entered now belongs to. */
    public long currentStep() {
        return policy.timeStep(clock.instant());
    }

    /**
     * The one place every token entry point (login token step, setup, disable) normalises what was
     * typed: outer whitespace and inner ASCII spaces go, nothing else changes, so a code with any
     * other character still fails {@link #isWellFormed}.
     */
    private static String normalized(String typed) {
        return typed == null ? null : typed.strip().replace(" ", "");
    }

    private boolean isWellFormed(String submitted) {
        if (submitted == null || submitted.length() != policy.digits()) {
            return false;
        }
        for (int i = 0; i < submitted.length(); i++) {
            char c = submitted.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
