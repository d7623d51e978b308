package org.mfaplatform.benchmark.keycloak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The users bench/keycloak.sh seeds: user i is {@code kcbench-<i>}, and its TOTP secret is the
 * first 20 hex characters of SHA-256("seed:i"), taken as ASCII bytes, the form of secret Keycloak
 * itself generates. The script derives the same secrets; both must change together.
 */
final class KeycloakUsers {

    private static final int SECRET_CHARS = 20;

    private final String seed;

    KeycloakUsers(String seed) {
        this.seed = seed;
    }

    static String username(int index) {
        return "kcbench-" + index;
    }

    byte[] otpSecret(int index) {
        byte[] digest = sha256((seed + ":" + index).getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest).substring(0, SECRET_CHARS);
        return hex.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
