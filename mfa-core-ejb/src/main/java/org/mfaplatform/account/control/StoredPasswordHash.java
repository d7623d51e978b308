package org.mfaplatform.account.control;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * A password hash as the database holds it: the parameters it was made with, its salt and the hash
 * itself. Reading one never throws and never runs the algorithm with parameters outside the bounds
 * of {@link Pbkdf2Parameters} and {@link Argon2idParameters}, because the text comes from a
 * database row that may have been tampered with.
 */
public final class StoredPasswordHash {

    /**
     * The column's length (Account.passwordHash). Our own hashes take about 120 characters, and the
     * largest salt, hash and parameters the bounds allow about 210; longer text is refused before
     * any parsing.
     */
    private static final int MAX_TEXT_LENGTH = 300;

    /** Below 8 bytes a salt no longer makes precomputed tables useless (PHC string format). */
    private static final int MIN_SALT_BYTES = 8;

    private static final int MAX_SALT_BYTES = 64;

    /** Below 16 bytes a hash could collide for different passwords by chance. */
    private static final int MIN_HASH_BYTES = 16;

    private static final int MAX_HASH_BYTES = 64;

    private final PasswordHashParameters parameters;
    private final byte[] salt;
    private final byte[] hash;

    StoredPasswordHash(PasswordHashParameters parameters, byte[] salt, byte[] hash) {
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw new IllegalArgumentException("salt of " + salt.length + " bytes");
        }
        if (hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
            throw new IllegalArgumentException("hash of " + hash.length + " bytes");
        }
        this.parameters = parameters;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /**
     * @return the stored hash, or empty if the text is in no known format or names parameters out
     *     of bounds
     */
    public static Optional<StoredPasswordHash> parse(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        try {
            if (text.startsWith(Argon2idParameters.PREFIX)) {
                return Optional.of(Argon2idParameters.parse(text));
            }
            if (text.startsWith(Pbkdf2Parameters.ALGORITHM + ":")) {
                return Optional.of(Pbkdf2Parameters.parse(text));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            // Thrown for text that breaks the format, bad Base64 and parameters out of bounds.
            return Optional.empty();
        }
    }

    public PasswordHashParameters parameters() {
        return parameters;
    }

    /**
     * Whether this is the hash of the password. The comparison takes the same time wherever the
     * first differing byte is ({@link MessageDigest#isEqual}), so response times tell an attacker
     * nothing about how much of a hash a guess matched.
     */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, parameters.derive(password, salt, hash.length));
    }

    /**
     * Whether a new hash with these parameters would look the same apart from salt and hash; if
     * not, this one was made under an older configuration and is due to be replaced.
     */
    public boolean isMadeWith(PasswordHashParameters current) {
        return parameters.equals(current)
                && salt.length == current.saltBytes()
                && hash.length == current.hashBytes();
    }

    /** The text to store. */
    public String format() {
        return parameters.format(salt, hash);
    }

    /**
     * A decimal parameter of a stored hash; ten digits can exceed an int, and such a value is out
     * of every bound anyway.
     */
    static int number(String digits) {
        long value = Long.parseLong(digits);
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }
}
