package org.mfaplatform.account.control;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with an iteration count, stored in the format of Jakarta Security's {@code
 * Pbkdf2PasswordHash}, {@code PBKDF2WithHmacSHA256:<iterations>:<base64 salt>:<base64 hash>}, which
 * the platform used before this class: hashes it made verify here unchanged, and the other way
 * round (PasswordUpgradeIT checks both on the server). The JDK's own implementation does the work,
 * as it did inside the platform's. The platform's class is no longer called because it runs
 * whatever iteration count a stored row names, and because it exists only inside a server, where
 * unit tests cannot reach it.
 *
 * @param iterations between {@link #MIN_ITERATIONS} and {@link #MAX_ITERATIONS}
 */
public record Pbkdf2Parameters(int iterations) implements PasswordHashParameters {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    /** The lowest count the platform's Pbkdf2PasswordHash accepted; only tests go this low. */
    public static final int MIN_ITERATIONS = 1024;

    /**
     * About 17 times OWASP's 600,000, some seconds per login. A stored hash naming more is refused
     * unchecked, so a tampered row cannot tie up a core for minutes at every login attempt.
     */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final Pattern FORMAT =
            Pattern.compile(
                    Pattern.quote(ALGORITHM)
                            + ":([1-9][0-9]{0,9}):([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})");

    public Pbkdf2Parameters {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "PBKDF2 iterations must be between "
                            + MIN_ITERATIONS
                            + " and "
                            + MAX_ITERATIONS
                            + ", not "
                            + iterations);
        }
    }

    /** The salt and key sizes the platform's Pbkdf2PasswordHash was configured with. */
    @Override
    public int saltBytes() {
        return 32;
    }

    @Override
    public int hashBytes() {
        return 32;
    }

    @Override
    public byte[] derive(char[] password, byte[] salt, int hashBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, hashBytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime since 8 must provide it, so this is a broken runtime.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String format(byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM
                + ":"
                + iterations
                + ":"
                + base64.encodeToString(salt)
                + ":"
                + base64.encodeToString(hash);
    }

    /**
     * @throws IllegalArgumentException if the text is not in this format or names parameters out of
     *     bounds
     */
    static StoredPasswordHash parse(String stored) {
        Matcher fields = FORMAT.matcher(stored);
        if (!fields.matches()) {
            throw new IllegalArgumentException("not a PBKDF2 hash in the expected format");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new StoredPasswordHash(
                new Pbkdf2Parameters(StoredPasswordHash.number(fields.group(1))),
                base64.decode(fields.group(2)),
                base64.decode(fields.group(3)));
    }

    @Override
    public String toString() {
        return "PBKDF2-HMAC-SHA256 with " + iterations + " iterations";
    }
}
