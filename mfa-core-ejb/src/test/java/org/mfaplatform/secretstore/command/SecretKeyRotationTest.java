package org.mfaplatform.secretstore.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfaplatform.secretstore.control.SealedSecret;
import org.mfaplatform.secretstore.control.SecretCipher;
import org.mfaplatform.secretstore.control.SecretKeyRing;

/** The rotation command against an in-memory Derby table shaped like the product's MFA_DEVICE. */
class SecretKeyRotationTest {

    private static final String OLD_KEY = randomKey();
    private static final String NEW_KEY = randomKey();
    private static final String RING = "k1:" + OLD_KEY + ",k2:" + NEW_KEY;

    private final SecretKeyRing ring = SecretKeyRing.parse(RING, "k2");

    private String url;
    private Connection db;

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] secretOf(long accountId) {
        return ("secret-of-account-" + accountId).getBytes(StandardCharsets.US_ASCII);
    }

    @BeforeEach
    void createTable() throws SQLException {
        url = "jdbc:derby:memory:rotation-" + UUID.randomUUID();
        db = DriverManager.getConnection(url + ";create=true");
        try (Statement create = db.createStatement()) {
            create.execute(
                    "CREATE TABLE MFA_DEVICE (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                            + " ACCOUNT_ID BIGINT NOT NULL UNIQUE,"
                            + " SECRET_CIPHERTEXT VARCHAR(128) NOT NULL,"
                            + " SECRET_KEY_ID VARCHAR(64) NOT NULL)");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
        try {
            DriverManager.getConnection(url + ";drop=true");
        } catch (SQLException expected) {
            // Derby reports a dropped database with an exception.
        }
    }

    /** The command shuts embedded Derby down when done; an in-memory database keeps its rows. */
    private void reconnectAfterCommandShutDownDerby() throws SQLException {
        db = DriverManager.getConnection(url);
    }

    private void storeUnder(String keyId, long accountId) throws SQLException {
        SealedSecret sealed =
                new SecretCipher(ring.withCurrent(keyId))
                        .seal(secretOf(accountId), SecretCipher.boundToAccount(accountId));
        store(accountId, sealed);
    }

    private void store(long accountId, SealedSecret sealed) throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO MFA_DEVICE (ACCOUNT_ID, SECRET_CIPHERTEXT, SECRET_KEY_ID)"
                                + " VALUES (?, ?, ?)")) {
            insert.setLong(1, accountId);
            insert.setString(2, sealed.ciphertext());
            insert.setString(3, sealed.keyId());
            insert.executeUpdate();
        }
    }

    private SealedSecret storedFor(long accountId) throws SQLException {
        try (PreparedStatement select =
                db.prepareStatement(
                        "SELECT SECRET_KEY_ID, SECRET_CIPHERTEXT FROM MFA_DEVICE"
                                + " WHERE ACCOUNT_ID = ?")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "row of account " + accountId);
                return new SealedSecret(row.getString(1), row.getString(2));
            }
        }
    }

    @Test
    void reEncryptsSecretsUnderOldKeyWithCurrentKey() throws SQLException {
        storeUnder("k1", 1);
        storeUnder("k1", 2);
        storeUnder("k2", 3);
        SealedSecret untouched = storedFor(3);

        SecretKeyRotation.Report report = new SecretKeyRotation(ring).rotate(db);

        assertEquals(2, report.reEncrypted());
        assertEquals(1, report.alreadyCurrent());
        assertEquals(0, report.unreadable());
        for (long accountId : new long[] {1, 2}) {
            SealedSecret rotated = storedFor(accountId);
            assertEquals("k2", rotated.keyId());
            SecretCipher withoutOldKey =
                    new SecretCipher(SecretKeyRing.parse("k2:" + NEW_KEY, "k2"));
            assertArrayEquals(
                    secretOf(accountId),
                    withoutOldKey.open(rotated, SecretCipher.boundToAccount(accountId)),
                    "readable once the old key has left the ring");
        }
        assertEquals(untouched, storedFor(3), "a secret under the current key is not rewritten");
    }

    @Test
    void secondRunReEncryptsNothing() throws SQLException {
        storeUnder("k1", 1);
        new SecretKeyRotation(ring).rotate(db);
        SealedSecret afterFirstRun = storedFor(1);

        SecretKeyRotation.Report second = new SecretKeyRotation(ring).rotate(db);

        assertEquals(0, second.reEncrypted());
        assertEquals(1, second.alreadyCurrent());
        assertEquals(afterFirstRun, storedFor(1));
    }

    @Test
    void leavesSecretUnderUnknownKeyAndCountsIt() throws SQLException {
        SecretKeyRing gone = SecretKeyRing.parse("k0:" + randomKey(), "k0");
        store(9, new SecretCipher(gone).seal(secretOf(9), SecretCipher.boundToAccount(9)));
        SealedSecret before = storedFor(9);
        storeUnder("k1", 1);

        SecretKeyRotation.Report report = new SecretKeyRotation(ring).rotate(db);

        assertEquals(Map.of("k0", 1), report.unreadableByKeyId());
        assertEquals(1, report.reEncrypted(), "the other rows are still rotated");
        assertEquals(before, storedFor(9));
    }

    @Test
    void leavesSecretMovedFromAnotherRowAndCountsIt() throws SQLException {
        SealedSecret ofAccount1 =
                new SecretCipher(ring.withCurrent("k1"))
                        .seal(secretOf(1), SecretCipher.boundToAccount(1));
        store(2, ofAccount1);

        SecretKeyRotation.Report report = new SecretKeyRotation(ring).rotate(db);

        assertEquals(Map.of("k1", 1), report.unreadableByKeyId());
        assertEquals("k1", storedFor(2).keyId());
    }

    @Test
    void commandTakesKeysFromEnvironmentAndPrintsNoKeyOrSecret() throws SQLException {
        storeUnder("k1", 1);
        SealedSecret before = storedFor(1);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status =
                SecretKeyRotation.run(
                        new String[] {"--jdbc-url", url},
                        Map.of("MFA_SECRETKEYS", RING, "MFA_SECRETKEYS_CURRENT", "k2"),
                        new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(SecretKeyRotation.DONE, status, output);
        assertTrue(output.contains("Re-encrypted 1 TOTP secrets under key k2"), output);
        for (String material : new String[] {OLD_KEY, NEW_KEY, before.ciphertext()}) {
            assertFalse(output.contains(material), "no key or ciphertext printed: " + output);
        }
        reconnectAfterCommandShutDownDerby();
        assertEquals("k2", storedFor(1).keyId());
    }

    @Test
    void commandReportsUnreadableSecretsWithItsExitStatus() throws SQLException {
        store(
                9,
                new SecretCipher(SecretKeyRing.parse("k0:" + randomKey(), "k0"))
                        .seal(secretOf(9), SecretCipher.boundToAccount(9)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status =
                SecretKeyRotation.run(
                        new String[] {"--jdbc-url", url},
                        Map.of("MFA_SECRETKEYS", RING, "MFA_SECRETKEYS_CURRENT", "k2"),
                        new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(SecretKeyRotation.SOME_UNREADABLE, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("{k0=1}"));
        reconnectAfterCommandShutDownDerby();
    }

    @Test
    void commandRefusesMissingOrBrokenKeysWithoutPrintingThem() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        String[] args = {"--jdbc-url", url};

        assertEquals(SecretKeyRotation.USAGE, SecretKeyRotation.run(args, Map.of(), out));
        assertEquals(
                SecretKeyRotation.USAGE,
                SecretKeyRotation.run(
                        args, Map.of("MFA_SECRETKEYS", "k1:" + OLD_KEY.substring(4)), out));
        assertEquals(
                SecretKeyRotation.USAGE,
                SecretKeyRotation.run(
                        args, Map.of("MFA_SECRETKEYS", RING, "MFA_SECRETKEYS_CURRENT", "k3"), out));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("MFA_SECRETKEYS is empty"), output);
        assertTrue(output.contains("'k3' is not in the key ring"), output);
        assertFalse(output.contains(OLD_KEY.substring(4)), output);
    }

    @Test
    void commandRefusesUnknownOrIncompleteOptions() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("MFA_SECRETKEYS", RING, "MFA_SECRETKEYS_CURRENT", "k2");

        assertEquals(SecretKeyRotation.USAGE, SecretKeyRotation.run(new String[] {}, env, out));
        assertEquals(
                SecretKeyRotation.USAGE,
                SecretKeyRotation.run(new String[] {"--jdbc-url", url, "--pasword"}, env, out));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Usage:"));
    }
}
