package org.mfaplatform.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.mfaplatform.config.control.Settings;

/**
 * Password hashes by the platform's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA256, with the
 * iteration count from the settings. A stored hash names its own parameters, so hashes made with
 * another count still verify and can be upgraded at the next login.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    @Inject Pbkdf2PasswordHash pbkdf2;

    @Inject Settings settings;

    /**
     * Verified against when an email is unknown, so that a stranger's email costs the same work as
     * a known one and response times do not reveal which emails have accounts.
     */
    private String decoyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(
                Map.of(
                        "Pbkdf2PasswordHash.Algorithm",
                        ALGORITHM,
                        "Pbkdf2PasswordHash.Iterations",
                        Integer.toString(settings.passwordIterations()),
                        "Pbkdf2PasswordHash.SaltSizeBytes",
                        "32",
                        "Pbkdf2PasswordHash.KeySizeBytes",
                        "32"));
        decoyHash = pbkdf2.generate("decoy password never given to anyone".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return pbkdf2.verify(password, storedHash);
    }

    /** Spends the work of one verification without any account behind it. */
    public void verifyDecoy(char[] password) {
        pbkdf2.verify(password, decoyHash);
    }

    /** Whether a stored hash was made with other parameters than the ones now configured. */
    public boolean isOutdated(String storedHash) {
        String[] fields = storedHash.split(":");
        return fields.length != 4
                || !ALGORITHM.equals(fields[0])
                || !Integer.toString(settings.passwordIterations()).equals(fields[1]);
    }
}
