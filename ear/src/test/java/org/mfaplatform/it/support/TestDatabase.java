package org.mfaplatform.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Adds accounts for browser tests straight into the test database, so each test has accounts of its
 * own. The password hash is copied from a demo account, whose password the README gives.
 */
public final class TestDatabase {

    public static final String DEMO_PASSWORD = "demo-password";

    private TestDatabase() {}

    /**
     * @return the email of a new user in a new company with the given policy
     */
    public static String newUser(String policy) {
        return newAccount(policy, "USER");
    }

    public static String newAccount(String policy, String role) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "browser-" + unique + "@example.test";
        try (Connection db = connect()) {
            long companyId;
            try (PreparedStatement insert =
                    db.prepareStatement(
                            "INSERT INTO COMPANY (NAME, MFA_POLICY, CREATED_AT, VERSION)"
                                    + " VALUES (?, ?, ?, 1)",
                            new String[] {"id"})) {
                insert.setString(1, "Browser test company " + unique);
                insert.setString(2, policy);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                companyId = generatedId(insert);
            }
            try (PreparedStatement insert =
                    db.prepareStatement(
                            "INSERT INTO ACCOUNT (COMPANY_ID, EMAIL, PASSWORD_HASH, ROLE,"
                                    + " FAILED_TOKENS, SESSION_GENERATION, CREATED_AT)"
                                    + " SELECT ?, ?, PASSWORD_HASH, ?, 0, 0, ? FROM ACCOUNT"
                                    + " WHERE EMAIL = 'alice@example.com'")) {
                insert.setLong(1, companyId);
                insert.setString(2, email);
                insert.setString(3, role);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                if (insert.executeUpdate() != 1) {
                    throw new IllegalStateException("demo account alice@example.com is missing");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not add a test account", e);
        }
        return email;
    }

    private static long generatedId(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("it.db.url"), System.getProperty("it.db.user"), "");
    }
}
