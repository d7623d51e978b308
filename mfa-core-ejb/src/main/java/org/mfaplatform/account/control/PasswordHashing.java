package org.mfaplatform.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.mfaplatform.config.control.Settings;

/**
 * Password hashes: new ones with the configured algorithm and parameters (PBKDF2-HMAC-SHA256 or
 * Argon2id), verification with whatever algorithm and parameters the stored hash names. So a change
 * of configuration locks nobody out; the login replaces an outdated hash once it has the password
 * in hand ({@link #isOutdated}).
 */
@ApplicationScoped
public class PasswordHashing {

    private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

    private static final String DECOY_PASSWORD = "decoy password never given to anyone";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject Settings settings;

    private PasswordHashParameters configured;

    /**
     * Verified against when an email is unknown, so that a stranger's email costs the same work as
     * a known one and response times do not reveal which emails have accounts. It is made with the
     * configured parameters, which the hashes of most accounts carry.
     *
     * <p>TODO(timing): after a change of algorithm or parameters, accounts whose owners have not
     * logged in since keep hashes of another cost, so their emails answer in another time than
     * unknown ones until then. Safe for now because it tells only that an email has an account that
     * has been idle since the change, and a password reset flow that could rehash them all does not
     * exist yet.
     */
    private String decoyHash;

    /** For CDI, which configures it from the settings. */
    protected PasswordHashing() {}

    /** Configured directly, for tests outside the server. */
    PasswordHashing(PasswordHashParameters configured) {
        use(configured);
    }

    @PostConstruct
    void configure() {
        use(settings.passwordHashParameters());
    }

    private void use(PasswordHashParameters parameters) {
        configured = parameters;
        decoyHash = hash(DECOY_PASSWORD.toCharArray());
    }

    /** A new hash of the password with the configured parameters and a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[configured.saltBytes()];
        RANDOM.nextBytes(salt);
        return hashWithSalt(password, salt);
    }

    /** With a given salt, so that tests can compare with the hash of another implementation. */
    String hashWithSalt(char[] password, byte[] salt) {
        byte[] hash = configured.derive(password, salt, configured.hashBytes());
        return new StoredPasswordHash(configured, salt, hash).format();
    }

    /**
     * @return whether the stored hash is the password's, whatever the configuration; false also for
     *     a stored text in no known format or with parameters out of bounds
     */
    public boolean verify(char[] password, String storedHash) {
        Optional<StoredPasswordHash> stored = StoredPasswordHash.parse(storedHash);
        if (stored.isEmpty()) {
            // The text itself is not logged: it might be a hash after all, in a mangled form.
            LOG.warning("Refused a stored password hash in no known format or out of bounds");
            return false;
        }
        return stored.get().matches(password);
    }

    /** Spends the work of one verification without any account behind it. */
    public void verifyDecoy(char[] password) {
        verify(password, decoyHash);
    }

    /**
     * Whether a stored hash was made with another algorithm, other parameters or other salt or hash
     * lengths than new hashes get now.
     */
    public boolean isOutdated(String storedHash) {
        return StoredPasswordHash.parse(storedHash)
                .map(stored -> !stored.isMadeWith(configured))
                .orElse(true);
    }

    /** The parameters of new hashes. */
    public PasswordHashParameters configured() {
        return configured;
    }

    String decoyHash() {
        return decoyHash;
    }
}
