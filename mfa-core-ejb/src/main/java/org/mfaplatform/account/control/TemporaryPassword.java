package org.mfaplatform.account.control;

import java.security.SecureRandom;

/**
 * Passwords staff hand to a user whose account they unlocked, to be replaced at the next login.
 * Sixteen characters from an alphabet without look-alikes (no 0/o, 1/l/i), in groups of four so
 * they can be read out over the phone: 80 bits from {@link SecureRandom}.
 */
public final class TemporaryPassword {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPassword() {}

    public static String generate() {
        StringBuilder password = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
