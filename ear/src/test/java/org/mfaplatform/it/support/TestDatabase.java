package org.mfaplatform.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mfaplatform.secretstore.control.SealedSecret;
import org.mfaplatform.secretstore.control.SecretCipher;
import org.mfaplatform.secretstore.control.SecretKeyRing;
import org.mfaplatform.totp.control.SharedSecret;

/**
 * Adds accounts for browser tests straight into the test database, so each test has accounts of its
 * own. The password hash is copied from a demo account, whose password the README gives.
 *
 * <p>The methods without a JDBC URL act on the suite's test database ({@code it.db.url}); those
 * with one on another database the build made, such as the two-node test's.
 */
public final class TestDatabase {

    public static final String DEMO_PASSWORD = "demo-password";

    private TestDatabase() {}

    /**
     * @return the email of a new user in a new company with the given policy
     */
    public static String newUser(String policy) {
        return newUser(suiteDatabase(), policy);
    }

    /**
     * @return the email of a new user in a new company with the given policy, in that database
     */
    public static String newUser(String jdbcUrl, String policy) {
        return newAccountIn(jdbcUrl, newCompany(jdbcUrl, policy), "USER");
    }

    public static String newAccount(String policy, String role) {
        return newAccountIn(newCompany(policy), role);
    }

    /**
     * @return the id of a new company with the given policy
     */
    public static long newCompany(String policy) {
        return newCompany(suiteDatabase(), policy);
    }

    private static long newCompany(String jdbcUrl, String policy) {
        String name = "Browser test company " + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = connect(jdbcUrl)) {
            try (PreparedStatement insert =
                    db.prepareStatement(
                            "INSERT INTO COMPANY (NAME, MFA_POLICY, CREATED_AT, VERSION)"
                                    + " VALUES (?, ?, ?, 1)")) {
                insert.setString(1, name);
                insert.setString(2, policy);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            // Read back by its unique name: drivers disagree on how generated keys are named.
            try (PreparedStatement select =
                    db.prepareStatement("SELECT ID FROM COMPANY WHERE NAME = ?")) {
                select.setString(1, name);
                try (ResultSet found = select.executeQuery()) {
                    found.next();
                    return found.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not add a test company", e);
        }
    }

    /** Sets a policy behind the admin site's back, to arrange a test; records no audit event. */
    public static void setPolicy(long companyId, String policy) {
        try (Connection db = connect();
                PreparedStatement update =
                        db.prepareStatement(
                                "UPDATE COMPANY SET MFA_POLICY = ?, VERSION = VERSION + 1"
                                        + " WHERE ID = ?")) {
            update.setString(1, policy);
            update.setLong(2, companyId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no company " + companyId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the policy", e);
        }
    }

    public static long idOf(String email) {
        return idOf(suiteDatabase(), email);
    }

    private static long idOf(String jdbcUrl, String email) {
        try (Connection db = connect(jdbcUrl);
                PreparedStatement select =
                        db.prepareStatement("SELECT ID FROM ACCOUNT WHERE EMAIL = ?")) {
            select.setString(1, email);
            try (ResultSet found = select.executeQuery()) {
                if (!found.next()) {
                    throw new IllegalStateException("no account " + email);
                }
                return found.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up an account", e);
        }
    }

    /**
     * @return the email of a new account in the given company
     */
    public static String newAccountIn(long companyId, String role) {
        return newAccountIn(suiteDatabase(), companyId, role);
    }

    private static String newAccountIn(String jdbcUrl, long companyId, String role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "browser-" + unique + "@example.test";
        try (Connection db = connect(jdbcUrl)) {
            String demoHash = passwordHashOf(db, "alice@example.com");
            // Booleans as parameters: a TRUE or FALSE literal only fits a BOOLEAN column, and
            // Derby may hold them in a SMALLINT.
            try (PreparedStatement insert =
                    db.prepareStatement(
                            "INSERT INTO ACCOUNT (COMPANY_ID, EMAIL, PASSWORD_HASH, ROLE,"
                                    + " FAILED_TOKENS, SESSION_GENERATION,"
                                    + " PASSWORD_CHANGE_REQUIRED, CREATED_AT)"
                                    + " VALUES (?, ?, ?, ?, 0, 0, ?, ?)")) {
                insert.setLong(1, companyId);
                insert.setString(2, email);
                insert.setString(3, demoHash);
                insert.setString(4, role);
                insert.setBoolean(5, false);
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not add a test account", e);
        }
        return email;
    }

    /**
     * Gives an account an active device with the given Base32 key, as a confirmed setup leaves it,
     * for tests about what a login with a device may reach. The key is encrypted under the test
     * server's current key, as the server would store it.
     */
    public static void addActiveDevice(String email, String base32Key) {
        addActiveDevice(suiteDatabase(), email, base32Key);
    }

    /** {@link #addActiveDevice(String, String)}, in that database. */
    public static void addActiveDevice(String jdbcUrl, String email, String base32Key) {
        Timestamp now = Timestamp.from(Instant.now());
        long accountId = idOf(jdbcUrl, email);
        SealedSecret sealed =
                new SecretCipher(testKeyRing())
                        .seal(
                                SharedSecret.decode(base32Key),
                                SecretCipher.boundToAccount(accountId));
        try (Connection db = connect(jdbcUrl);
                PreparedStatement insert =
                        db.prepareStatement(
                                "INSERT INTO MFA_DEVICE (ACCOUNT_ID, SECRET_CIPHERTEXT,"
                                        + " SECRET_KEY_ID, STATUS, CREATED_AT, ACTIVATED_AT,"
                                        + " LAST_ACCEPTED_STEP)"
                                        + " VALUES (?, ?, ?, 'ACTIVE', ?, ?, -1)")) {
            insert.setLong(1, accountId);
            insert.setString(2, sealed.ciphertext());
            insert.setString(3, sealed.keyId());
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add a test device", e);
        }
    }

    /**
     * Sets an account's count of wrong tokens in a row and its token lock, as earlier wrong tokens
     * would have left them; {@code lockedUntil} may be {@code null} for no lock.
     */
    public static void setTokenFailures(String email, int failures, Instant lockedUntil) {
        try (Connection db = connect();
                PreparedStatement update =
                        db.prepareStatement(
                                "UPDATE ACCOUNT SET FAILED_TOKENS = ?, TOKEN_LOCKED_UNTIL = ?"
                                        + " WHERE EMAIL = ?")) {
            update.setInt(1, failures);
            update.setTimestamp(2, lockedUntil == null ? null : Timestamp.from(lockedUntil));
            update.setString(3, email);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no account " + email);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the token failures", e);
        }
    }

    /** Locks an account as fifty wrong tokens in a row would. */
    public static void lockAccount(String email) {
        try (Connection db = connect();
                PreparedStatement update =
                        db.prepareStatement(
                                "UPDATE ACCOUNT SET LOCKED_AT = ?, FAILED_TOKENS = 50,"
                                        + " SESSION_GENERATION = SESSION_GENERATION + 1"
                                        + " WHERE EMAIL = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, email);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no account " + email);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the account", e);
        }
    }

    /** Marks the account's password as a temporary one from staff, to be replaced at login. */
    public static void requirePasswordChange(String email) {
        try (Connection db = connect();
                PreparedStatement update =
                        db.prepareStatement(
                                "UPDATE ACCOUNT SET PASSWORD_CHANGE_REQUIRED = ?"
                                        + " WHERE EMAIL = ?")) {
            update.setBoolean(1, true);
            update.setString(2, email);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no account " + email);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not require a password change", e);
        }
    }

    public static int failedTokensOf(String email) {
        return failedTokensOf(suiteDatabase(), email);
    }

    /** The account's count of wrong tokens in a row, in that database. */
    public static int failedTokensOf(String jdbcUrl, String email) {
        try (Connection db = connect(jdbcUrl);
                PreparedStatement select =
                        db.prepareStatement("SELECT FAILED_TOKENS FROM ACCOUNT WHERE EMAIL = ?")) {
            select.setString(1, email);
            try (ResultSet found = select.executeQuery()) {
                if (!found.next()) {
                    throw new IllegalStateException("no account " + email);
                }
                return found.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the token failures", e);
        }
    }

    /** The statuses of the account's device rows, in alphabetical order: none, one or two. */
    public static List<String> deviceStatusesOf(String email) {
        try (Connection db = connect();
                PreparedStatement select =
                        db.prepareStatement(
                                "SELECT d.STATUS FROM MFA_DEVICE d JOIN ACCOUNT a"
                                        + " ON a.ID = d.ACCOUNT_ID WHERE a.EMAIL = ?"
                                        + " ORDER BY d.STATUS")) {
            select.setString(1, email);
            try (ResultSet found = select.executeQuery()) {
                List<String> statuses = new ArrayList<>();
                while (found.next()) {
                    statuses.add(found.getString(1));
                }
                return statuses;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the devices", e);
        }
    }

    /** The public test keys the test server runs with (ear/pom.xml, it.secretKeys). */
    public static SecretKeyRing testKeyRing() {
        return SecretKeyRing.parse(
                System.getProperty("it.secretKeys"), System.getProperty("it.secretKeys.current"));
    }

    private static String passwordHashOf(Connection db, String email) throws SQLException {
        try (PreparedStatement select =
                db.prepareStatement("SELECT PASSWORD_HASH FROM ACCOUNT WHERE EMAIL = ?")) {
            select.setString(1, email);
            try (ResultSet found = select.executeQuery()) {
                if (!found.next()) {
                    throw new IllegalStateException("demo account " + email + " is missing");
                }
                return found.getString(1);
            }
        }
    }

    private static String suiteDatabase() {
        return System.getProperty("it.db.url");
    }

    private static Connection connect() throws SQLException {
        return connect(suiteDatabase());
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, System.getProperty("it.db.user"), "");
    }
}
