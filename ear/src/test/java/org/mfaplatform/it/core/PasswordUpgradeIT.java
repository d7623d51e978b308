package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.security.SecureRandom;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.account.boundary.PasswordLogin;
import org.mfaplatform.account.control.Pbkdf2Parameters;

/**
 * Stored password hashes with old parameters are replaced at the next successful login, on the real
 * server and database. The test server is configured for Argon2id with 1 MiB and 1 pass
 * (liberty-config/src/test/liberty/config/server.xml), so every login of the suite runs Argon2id
 * from the packaged Bouncy Castle, and PBKDF2 is what earlier versions left behind.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordUpgradeIT {

    /** The test server's configuration as a stored hash names it. */
    private static final String CONFIGURED_PREFIX = "$argon2id$v=19$m=1024,t=1,p=1$";

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.withTests(PasswordUpgradeIT.class);
    }

    @EJB TestAccounts accounts;

    @EJB PasswordLogin passwordLogin;

    private Optional<Long> logIn(long accountId, String password) {
        return passwordLogin.verify(accounts.emailOf(accountId), password.toCharArray());
    }

    @Test
    void pbkdf2HashOfServerImplementationIsReplacedByArgon2idAtLogin() {
        String old = accounts.hashByServerPbkdf2(2048);
        long accountId = accounts.newAccountWithHash(old);

        Optional<Long> loggedIn = logIn(accountId, TestAccounts.PASSWORD);

        assertEquals(Optional.of(accountId), loggedIn, "the old hash still verifies");
        String stored = accounts.passwordHashOf(accountId);
        assertTrue(stored.startsWith(CONFIGURED_PREFIX), "stored now: " + prefixOf(stored));
        assertEquals(
                Optional.of(accountId),
                logIn(accountId, TestAccounts.PASSWORD),
                "the new hash verifies");
    }

    @Test
    void argon2idHashWithOtherMemoryIsReplacedAtLogin() {
        // Salt "saltsaltsaltsalt", from the reference command line:
        // echo -n 'correct horse battery staple' | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -l 32
        // -e
        String old =
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA"
                        + "$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM";
        long accountId = accounts.newAccountWithHash(old);

        Optional<Long> loggedIn = logIn(accountId, TestAccounts.PASSWORD);

        assertEquals(Optional.of(accountId), loggedIn);
        String stored = accounts.passwordHashOf(accountId);
        assertTrue(stored.startsWith(CONFIGURED_PREFIX), "stored now: " + prefixOf(stored));
    }

    @Test
    void wrongPasswordLeavesOldHashInPlace() {
        String old = accounts.hashByServerPbkdf2(2048);
        long accountId = accounts.newAccountWithHash(old);

        Optional<Long> loggedIn = logIn(accountId, "wrong " + TestAccounts.PASSWORD);

        assertEquals(Optional.empty(), loggedIn);
        assertEquals(old, accounts.passwordHashOf(accountId), "no password, no new hash");
    }

    @Test
    void currentHashIsKeptAtLogin() {
        long accountId = accounts.newAccountWithHash(accounts.hashByServerPbkdf2(2048));
        logIn(accountId, TestAccounts.PASSWORD);
        String upgraded = accounts.passwordHashOf(accountId);

        logIn(accountId, TestAccounts.PASSWORD);

        assertEquals(upgraded, accounts.passwordHashOf(accountId), "not hashed again");
    }

    /**
     * The other direction of compatibility: a PBKDF2 hash made by our code is one the server's own
     * implementation accepts, so the formats are one and the same.
     */
    @Test
    void ourPbkdf2HashIsAcceptedByServerImplementation() {
        Pbkdf2Parameters parameters = new Pbkdf2Parameters(1024);
        byte[] salt = new byte[parameters.saltBytes()];
        new SecureRandom().nextBytes(salt);
        String ours =
                parameters.format(
                        salt,
                        parameters.derive(
                                TestAccounts.PASSWORD.toCharArray(), salt, parameters.hashBytes()));
        accounts.hashByServerPbkdf2(1024);

        assertTrue(accounts.serverPbkdf2Verifies(ours));
    }

    /** Algorithm and parameters, and no more than a few characters of the salt. */
    private static String prefixOf(String stored) {
        return stored.substring(0, Math.min(stored.length(), CONFIGURED_PREFIX.length()));
    }
}
