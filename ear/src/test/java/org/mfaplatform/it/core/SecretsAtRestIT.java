package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.SetupChallenge;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;
import org.mfaplatform.secretstore.command.SecretKeyRotation;
import org.mfaplatform.secretstore.control.SealedSecret;
import org.mfaplatform.secretstore.control.SecretCipher;
import org.mfaplatform.secretstore.control.SecretKeyRing;
import org.mfaplatform.totp.control.SharedSecret;

/**
 * What the database holds of a TOTP secret, read past the application with plain JDBC on the
 * server's own data source, and the rotation command on a secret planted under the older of the
 * test server's two keys (ear/pom.xml, it.secretKeys).
 */
@ExtendWith(ArquillianExtension.class)
class SecretsAtRestIT {

    private static final String SOURCE = "192.0.2.20";

    private static final String OLD_KEY_ID = "it-1";

    private static final String CURRENT_KEY_ID = "it-2";

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.withTests(SecretsAtRestIT.class);
    }

    @EJB TestAccounts accounts;

    @EJB Enrollment enrollment;

    @EJB SecondFactor secondFactor;

    private static DataSource database() throws NamingException {
        return InitialContext.doLookup("jdbc/mfa");
    }

    /** The ring the test server runs with, from the same JNDI entries the application reads. */
    private static SecretKeyRing serverKeyRing() throws NamingException {
        return SecretKeyRing.parse(
                InitialContext.doLookup("mfa/secretKeys/ring").toString(),
                InitialContext.doLookup("mfa/secretKeys/current").toString());
    }

    private static SealedSecret storedSecretOf(long accountId) throws Exception {
        try (Connection db = database().getConnection();
                PreparedStatement select =
                        db.prepareStatement(
                                "SELECT SECRET_KEY_ID, SECRET_CIPHERTEXT FROM MFA_DEVICE"
                                        + " WHERE ACCOUNT_ID = ?")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "a device row for account " + accountId);
                return new SealedSecret(row.getString(1), row.getString(2));
            }
        }
    }

    private static void store(long accountId, SealedSecret sealed) throws Exception {
        try (Connection db = database().getConnection();
                PreparedStatement update =
                        db.prepareStatement(
                                "UPDATE MFA_DEVICE SET SECRET_KEY_ID = ?, SECRET_CIPHERTEXT = ?"
                                        + " WHERE ACCOUNT_ID = ?")) {
            update.setString(1, sealed.keyId());
            update.setString(2, sealed.ciphertext());
            update.setLong(3, accountId);
            assertEquals(1, update.executeUpdate(), "device row of account " + accountId);
        }
    }

    /**
     * @return the Base32 key of the account's newly active device
     */
    private String activatedDevice(long accountId) {
        return Devices.activate(enrollment, accountId, SOURCE)
                .getKeyForManualEntry()
                .replace(" ", "");
    }

    @Test
    void databaseHoldsSecretOnlyEncryptedUnderCurrentKey() throws Exception {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);

        String key = activatedDevice(accountId);

        SealedSecret stored = storedSecretOf(accountId);
        assertEquals(CURRENT_KEY_ID, stored.keyId());
        assertFalse(stored.ciphertext().contains(key), "no Base32 secret in the row");
        assertFalse(
                stored.ciphertext()
                        .contains(
                                Base64.getEncoder()
                                        .encodeToString(SharedSecret.decode(key))
                                        .substring(0, 16)),
                "no Base64 secret in the row");
        assertArrayEquals(
                SharedSecret.decode(key),
                new SecretCipher(serverKeyRing())
                        .open(stored, SecretCipher.boundToAccount(accountId)),
                "the row holds the secret, encrypted and bound to its account");
    }

    @Test
    void activeDeviceHasNoQrCodeAnyMore() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge challenge = enrollment.startSetup(accountId);
        assertTrue(enrollment.pendingQrCode(accountId).isPresent(), "QR code while pending");

        enrollment.confirmSetup(
                accountId,
                Devices.code(challenge.getKeyForManualEntry().replace(" ", ""), 0),
                SOURCE);

        assertTrue(enrollment.pendingQrCode(accountId).isEmpty(), "no QR code once active");
    }

    @Test
    void rotationMovesSecretUnderOldKeyToCurrentKeyAndTokensStillWork() throws Exception {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        SecretKeyRing ring = serverKeyRing();
        store(
                accountId,
                new SecretCipher(ring.withCurrent(OLD_KEY_ID))
                        .seal(SharedSecret.decode(key), SecretCipher.boundToAccount(accountId)));
        SealedSecret underOldKey = storedSecretOf(accountId);
        assertEquals(OLD_KEY_ID, underOldKey.keyId(), "planted under the older key");

        SecretKeyRotation.Report report;
        try (Connection db = database().getConnection()) {
            report = new SecretKeyRotation(ring).rotate(db);
        }

        assertTrue(report.reEncrypted() >= 1, "re-encrypted: " + report);
        assertEquals(0, report.unreadable(), "every stored secret readable: " + report);
        SealedSecret rotated = storedSecretOf(accountId);
        assertEquals(CURRENT_KEY_ID, rotated.keyId());
        assertNotEquals(underOldKey.ciphertext(), rotated.ciphertext());
        assertEquals(
                TokenCheck.ACCEPTED,
                secondFactor.verify(accountId, Devices.code(key, 1), SOURCE),
                "the rotated secret still checks tokens");
    }

    @Test
    void rotationRunTwiceReEncryptsNothingMore() throws Exception {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        SecretKeyRing ring = serverKeyRing();
        store(
                accountId,
                new SecretCipher(ring.withCurrent(OLD_KEY_ID))
                        .seal(SharedSecret.decode(key), SecretCipher.boundToAccount(accountId)));

        SecretKeyRotation.Report second;
        try (Connection db = database().getConnection()) {
            new SecretKeyRotation(ring).rotate(db);
            second = new SecretKeyRotation(ring).rotate(db);
        }

        assertEquals(0, second.reEncrypted(), "nothing left under another key: " + second);
        assertEquals(CURRENT_KEY_ID, storedSecretOf(accountId).keyId());
    }

    @Test
    void secretCopiedToAnotherAccountChecksNoToken() throws Exception {
        long victim = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String victimKey = activatedDevice(victim);
        long intruder = accounts.newColleague(victim, Role.USER);
        activatedDevice(intruder);

        store(intruder, storedSecretOf(victim));

        assertThrows(
                EJBException.class,
                () -> secondFactor.verify(intruder, Devices.code(victimKey, 1), SOURCE),
                "the copied ciphertext does not decrypt in another account's row");
        assertEquals(
                TokenCheck.ACCEPTED,
                secondFactor.verify(victim, Devices.code(victimKey, 1), SOURCE),
                "the original row is unaffected");
    }
}
