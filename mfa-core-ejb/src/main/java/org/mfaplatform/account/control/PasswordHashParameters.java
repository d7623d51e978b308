package org.mfaplatform.account.control;

/**
 * A password hashing algorithm together with its cost parameters. Every stored hash names the ones
 * it was made with (see {@link StoredPasswordHash}), so hashes made before a change of
 * configuration still verify, and the login can tell which ones to replace.
 */
public sealed interface PasswordHashParameters permits Pbkdf2Parameters, Argon2idParameters {

    /** Salt length of new hashes. */
    int saltBytes();

    /** Output length of new hashes. */
    int hashBytes();

    /** Runs the algorithm once: the expensive step of both hashing and verifying. */
    byte[] derive(char[] password, byte[] salt, int hashBytes);

    /** The text stored in the database: these parameters, the salt and the hash. */
    String format(byte[] salt, byte[] hash);
}
