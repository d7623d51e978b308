package org.mfaplatform.benchmark.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.mfaplatform.account.control.Argon2idParameters;
import org.mfaplatform.account.control.PasswordHashParameters;
import org.mfaplatform.account.control.Pbkdf2Parameters;
import org.mfaplatform.persistence.boundary.SchemaMigration;
import org.mfaplatform.secretstore.control.SealedSecret;
import org.mfaplatform.secretstore.control.SecretCipher;
import org.mfaplatform.secretstore.control.SecretKeyRing;

/**
 * Prepares a benchmark database: the schema (as the server's start would apply it), one company
 * whose policy asks every user for a token, and users {@code 0..count-1} ({@link BenchmarkUser}),
 * each with an active device whose key is encrypted under the server's key ring, as a confirmed
 * setup leaves it.
 *
 * <p>Run again before every server start: it adds missing users, gives all of them one fresh hash
 * of {@link BenchmarkUser#PASSWORD} with the parameters the server is about to use (so no login
 * rehashes), and forgets their last accepted time steps and wrong tokens, so an earlier run's
 * logins do not refuse this run's codes as replays.
 *
 * <p>Usage: {@code SeedUsers <jdbc-url> <count> pbkdf2:<iterations> |
 * argon2id:<KiB>:<passes>:<lanes>}. The key ring comes from {@code MFA_SECRETKEYS} and {@code
 * MFA_SECRETKEYS_CURRENT}, as the server's does; the database user is {@code postgres} without a
 * password, as on the build machine.
 */
public final class SeedUsers {

    private static final String COMPANY = "Benchmark company";

    private SeedUsers() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println(
                    "usage: SeedUsers <jdbc-url> <count> pbkdf2:<iterations>"
                            + " | argon2id:<KiB>:<passes>:<lanes>");
            System.exit(2);
        }
        int count = Integer.parseInt(args[1]);
        PasswordHashParameters hashing = parameters(args[2]);
        SecretCipher cipher =
                new SecretCipher(
                        SecretKeyRing.parse(
                                System.getenv("MFA_SECRETKEYS"),
                                System.getenv("MFA_SECRETKEYS_CURRENT")));

        try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
            SchemaMigration.migrate(db, null);
            db.setAutoCommit(false);
            long companyId = company(db);
            int added = addMissingUsers(db, companyId, count, cipher);
            String hash = hashOfPassword(hashing);
            int reset = resetUsers(db, companyId, hash);
            db.commit();
            System.out.printf(
                    "Seeded %d benchmark users (%d new) with %s password hashes%n",
                    reset, added, hashing);
        }
    }

    static PasswordHashParameters parameters(String text) {
        String[] parts = text.split(":");
        return switch (parts[0]) {
            case "pbkdf2" -> new Pbkdf2Parameters(Integer.parseInt(parts[1]));
            case "argon2id" ->
                    new Argon2idParameters(
                            Integer.parseInt(parts[1]),
                            Integer.parseInt(parts[2]),
                            Integer.parseInt(parts[3]));
            default -> throw new IllegalArgumentException("unknown hashing " + text);
        };
    }

    private static String hashOfPassword(PasswordHashParameters hashing) {
        byte[] salt = new byte[hashing.saltBytes()];
        new SecureRandom().nextBytes(salt);
        char[] password = BenchmarkUser.PASSWORD.toCharArray();
        return hashing.format(salt, hashing.derive(password, salt, hashing.hashBytes()));
    }

    private static long company(Connection db) throws SQLException {
        try (PreparedStatement select =
                db.prepareStatement("SELECT ID FROM COMPANY WHERE NAME = ?")) {
            select.setString(1, COMPANY);
            try (ResultSet found = select.executeQuery()) {
                if (found.next()) {
                    return found.getLong(1);
                }
            }
        }
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO COMPANY (NAME, MFA_POLICY, CREATED_AT, VERSION)"
                                + " VALUES (?, 'REQUIRED', ?, 1)",
                        new String[] {"id"})) {
            insert.setString(1, COMPANY);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static int addMissingUsers(
            Connection db, long companyId, int count, SecretCipher cipher) throws SQLException {
        int existing;
        try (PreparedStatement select =
                db.prepareStatement("SELECT COUNT(*) FROM ACCOUNT WHERE COMPANY_ID = ?")) {
            select.setLong(1, companyId);
            try (ResultSet found = select.executeQuery()) {
                found.next();
                existing = found.getInt(1);
            }
        }
        if (existing >= count) {
            return 0;
        }

        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement account =
                        db.prepareStatement(
                                "INSERT INTO ACCOUNT (COMPANY_ID, EMAIL, PASSWORD_HASH, ROLE,"
                                        + " FAILED_TOKENS, SESSION_GENERATION,"
                                        + " PASSWORD_CHANGE_REQUIRED, CREATED_AT)"
                                        + " VALUES (?, ?, 'set below', 'USER', 0, 0, FALSE, ?)",
                                new String[] {"id"});
                PreparedStatement device =
                        db.prepareStatement(
                                "INSERT INTO MFA_DEVICE (ACCOUNT_ID, SECRET_CIPHERTEXT,"
                                        + " SECRET_KEY_ID, STATUS, CREATED_AT, ACTIVATED_AT,"
                                        + " LAST_ACCEPTED_STEP)"
                                        + " VALUES (?, ?, ?, 'ACTIVE', ?, ?, -1)")) {
            for (int index = existing; index < count; index++) {
                BenchmarkUser user = new BenchmarkUser(index);
                account.setLong(1, companyId);
                account.setString(2, user.email());
                account.setTimestamp(3, now);
                account.executeUpdate();
                long accountId;
                try (ResultSet keys = account.getGeneratedKeys()) {
                    keys.next();
                    accountId = keys.getLong(1);
                }

                SealedSecret sealed =
                        cipher.seal(user.key(), SecretCipher.boundToAccount(accountId));
                device.setLong(1, accountId);
                device.setString(2, sealed.ciphertext());
                device.setString(3, sealed.keyId());
                device.setTimestamp(4, now);
                device.setTimestamp(5, now);
                device.addBatch();
            }
            device.executeBatch();
        }
        return count - existing;
    }

    private static int resetUsers(Connection db, long companyId, String hash) throws SQLException {
        try (PreparedStatement accounts =
                        db.prepareStatement(
                                "UPDATE ACCOUNT SET PASSWORD_HASH = ?, FAILED_TOKENS = 0,"
                                        + " TOKEN_LOCKED_UNTIL = NULL, LOCKED_AT = NULL"
                                        + " WHERE COMPANY_ID = ?");
                Statement devices = db.createStatement()) {
            accounts.setString(1, hash);
            accounts.setLong(2, companyId);
            int updated = accounts.executeUpdate();
            devices.executeUpdate(
                    "UPDATE MFA_DEVICE SET LAST_ACCEPTED_STEP = -1 WHERE ACCOUNT_ID IN"
                            + " (SELECT a.ID FROM ACCOUNT a JOIN COMPANY c ON c.ID = a.COMPANY_ID"
                            + " WHERE c.NAME = '"
                            + COMPANY
                            + "')");
            return updated;
        }
    }
}
