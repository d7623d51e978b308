package org.mfaplatform.persistence.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The change log against both supported databases: a database made by the first release's migration
 * is upgraded to the newest schema with its users, devices and audit events intact; a database that
 * JPA created before there were migrations is adopted; and a second start changes nothing.
 *
 * <p>Derby runs embedded in memory. PostgreSQL is the one the integration tests use
 * (test.postgresql.url, trust authentication); each test works in a database of its own, dropped
 * afterwards.
 */
class SchemaUpgradeTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:30:00Z");

    enum Engine {
        DERBY,
        POSTGRESQL
    }

    private Engine engine;
    private String databaseName;

    @AfterEach
    void dropDatabase() throws SQLException {
        if (databaseName == null) {
            return;
        }
        if (engine == Engine.DERBY) {
            try {
                DriverManager.getConnection("jdbc:derby:memory:" + databaseName + ";drop=true");
            } catch (SQLException expected) {
                // Derby answers a successful drop with an exception.
            }
            return;
        }
        try (Connection admin = DriverManager.getConnection(postgresUrl("test"), "postgres", "");
                Statement drop = admin.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upgradeFromTheFirstReleaseKeepsUsersDevicesAndAuditEvents(Engine engine) throws Exception {
        try (Connection db = newDatabase(engine)) {
            SchemaMigration.migrate(db, "release-1");
            assertFalse(
                    tableExists(db, "PASSWORD_THROTTLE"),
                    "the first release has no throttle table yet");
            FirstReleaseRows rows = insertFirstReleaseRows(db);

            SchemaMigration.migrate(db, null);

            assertEquals(
                    rows.accounts(),
                    strings(db, "SELECT EMAIL FROM ACCOUNT ORDER BY EMAIL"),
                    "accounts survive the upgrade");
            assertEquals(
                    List.of(rows.passwordHash()),
                    strings(
                            db,
                            "SELECT PASSWORD_HASH FROM ACCOUNT WHERE EMAIL = 'alice@upgrade.test'"),
                    "a password hash survives unchanged");
            assertEquals(
                    List.of("ACTIVE:" + rows.ciphertext() + ":it-1:" + rows.lastStep()),
                    strings(
                            db,
                            "SELECT STATUS || ':' || SECRET_CIPHERTEXT || ':' || SECRET_KEY_ID"
                                    + " || ':' || CAST(LAST_ACCEPTED_STEP AS CHAR(20))"
                                    + " FROM MFA_DEVICE"),
                    "the device survives with its secret, key id and last accepted step");
            assertEquals(
                    List.of("MFA_ENABLED", "PASSWORD_ACCEPTED"),
                    strings(db, "SELECT TYPE FROM AUDIT_EVENT ORDER BY TYPE"),
                    "audit events survive");
            assertEquals(
                    List.of(Timestamp.from(CREATED).toString()),
                    strings(
                                    db,
                                    "SELECT CAST(OCCURRED_AT AS VARCHAR(40)) FROM AUDIT_EVENT"
                                            + " WHERE TYPE = 'MFA_ENABLED'")
                            .stream()
                            .map(SchemaUpgradeTest::canonicalTimestamp)
                            .toList(),
                    "an audit event keeps its time");
            assertNewSchemaWorks(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDatabaseCreatedBeforeMigrationsIsAdopted(Engine engine) throws Exception {
        try (Connection db = newDatabase(engine)) {
            // What earlier builds left: the first release's tables, made by JPA, and no record
            // of any migration.
            SchemaMigration.migrate(db, "release-1");
            insertFirstReleaseRows(db);
            execute(db, "DROP TABLE DATABASECHANGELOG");
            execute(db, "DROP TABLE DATABASECHANGELOGLOCK");

            SchemaMigration.migrate(db, null);

            assertEquals(2, count(db, "SELECT COUNT(*) FROM ACCOUNT"), "accounts kept");
            assertEquals(
                    List.of("EXECUTED", "MARK_RAN"),
                    strings(
                            db,
                            "SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID IN"
                                    + " ('001-initial-schema', '002-password-throttle')"
                                    + " ORDER BY EXECTYPE"),
                    "the first release's tables are recorded as there, the later change applied");
            assertNewSchemaWorks(db);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSecondStartChangesNothing(Engine engine) throws Exception {
        try (Connection db = newDatabase(engine)) {
            SchemaMigration.migrate(db, null);
            int applied = count(db, "SELECT COUNT(*) FROM DATABASECHANGELOG");

            SchemaMigration.migrate(db, null);

            assertEquals(
                    applied,
                    count(db, "SELECT COUNT(*) FROM DATABASECHANGELOG"),
                    "no change applied twice");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theConstraintsOfTheFirstReleaseHold(Engine engine) throws Exception {
        try (Connection db = newDatabase(engine)) {
            SchemaMigration.migrate(db, null);
            insertFirstReleaseRows(db);
            long aliceId = idOf(db, "alice@upgrade.test");

            assertThrows(
                    SQLException.class,
                    () -> insertDevice(db, aliceId, "ACTIVE", "c2"),
                    "a second active device for one account is refused");
            assertThrows(
                    SQLException.class,
                    () -> insertAccount(db, companyId(db), "alice@upgrade.test", "h"),
                    "a second account with the same email is refused");
        }
    }

    /** The newest schema takes a row in the table the upgrade added. */
    private static void assertNewSchemaWorks(Connection db) throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO PASSWORD_THROTTLE (THROTTLE_KEY, FAILURES, LAST_FAILURE_AT,"
                                + " BLOCKED_UNTIL, FORGET_AFTER) VALUES (?, 1, ?, NULL, ?)")) {
            insert.setString(1, "0".repeat(64));
            insert.setTimestamp(2, Timestamp.from(CREATED));
            insert.setTimestamp(3, Timestamp.from(CREATED.plus(15, ChronoUnit.MINUTES)));
            assertEquals(1, insert.executeUpdate(), "the throttle table takes a row");
        }
    }

    private record FirstReleaseRows(
            List<String> accounts, String passwordHash, String ciphertext, long lastStep) {}

    /** Rows as the first release wrote them: two users, one active device, two audit events. */
    private static FirstReleaseRows insertFirstReleaseRows(Connection db) throws SQLException {
        String hash = "pbkdf2-sha256$600000$c2FsdA==$aGFzaA==";
        String ciphertext = "v1:" + "A".repeat(60);
        long step = 59_000_000L;
        try (PreparedStatement company =
                db.prepareStatement(
                        "INSERT INTO COMPANY (NAME, MFA_POLICY, CREATED_AT, VERSION)"
                                + " VALUES ('Upgrade Corp', 'REQUIRED', ?, 1)")) {
            company.setTimestamp(1, Timestamp.from(CREATED));
            company.executeUpdate();
        }
        long companyId = companyId(db);
        insertAccount(db, companyId, "alice@upgrade.test", hash);
        insertAccount(db, companyId, "bob@upgrade.test", hash);
        long aliceId = idOf(db, "alice@upgrade.test");
        insertDevice(db, aliceId, "ACTIVE", ciphertext);
        execute(db, "UPDATE MFA_DEVICE SET LAST_ACCEPTED_STEP = " + step);
        insertAuditEvent(db, companyId, aliceId, "PASSWORD_ACCEPTED");
        insertAuditEvent(db, companyId, aliceId, "MFA_ENABLED");
        return new FirstReleaseRows(
                List.of("alice@upgrade.test", "bob@upgrade.test"), hash, ciphertext, step);
    }

    private static void insertAccount(Connection db, long companyId, String email, String hash)
            throws SQLException {
        try (PreparedStatement account =
                db.prepareStatement(
                        "INSERT INTO ACCOUNT (COMPANY_ID, EMAIL, PASSWORD_HASH, ROLE,"
                                + " FAILED_TOKENS, PASSWORD_CHANGE_REQUIRED, SESSION_GENERATION,"
                                + " CREATED_AT) VALUES (?, ?, ?, 'USER', 0, ?, 0, ?)")) {
            account.setLong(1, companyId);
            account.setString(2, email);
            account.setString(3, hash);
            account.setBoolean(4, false);
            account.setTimestamp(5, Timestamp.from(CREATED));
            account.executeUpdate();
        }
    }

    private static void insertDevice(Connection db, long accountId, String status, String cipher)
            throws SQLException {
        try (PreparedStatement device =
                db.prepareStatement(
                        "INSERT INTO MFA_DEVICE (ACCOUNT_ID, SECRET_CIPHERTEXT, SECRET_KEY_ID,"
                                + " STATUS, CREATED_AT, ACTIVATED_AT, LAST_ACCEPTED_STEP)"
                                + " VALUES (?, ?, 'it-1', ?, ?, ?, -1)")) {
            device.setLong(1, accountId);
            device.setString(2, cipher);
            device.setString(3, status);
            device.setTimestamp(4, Timestamp.from(CREATED));
            device.setTimestamp(5, Timestamp.from(CREATED));
            device.executeUpdate();
        }
    }

    private static void insertAuditEvent(Connection db, long companyId, long accountId, String type)
            throws SQLException {
        try (PreparedStatement event =
                db.prepareStatement(
                        "INSERT INTO AUDIT_EVENT (OCCURRED_AT, TYPE, COMPANY_ID, ACTOR_ACCOUNT_ID,"
                                + " ACTOR_EMAIL, SUBJECT_ACCOUNT_ID, SUBJECT_EMAIL,"
                                + " SOURCE_ADDRESS, DETAIL) VALUES (?, ?, ?, ?,"
                                + " 'alice@upgrade.test', ?, 'alice@upgrade.test', '192.0.2.7',"
                                + " NULL)")) {
            event.setTimestamp(1, Timestamp.from(CREATED));
            event.setString(2, type);
            event.setLong(3, companyId);
            event.setLong(4, accountId);
            event.setLong(5, accountId);
            event.executeUpdate();
        }
    }

    private Connection newDatabase(Engine engine) throws SQLException {
        this.engine = engine;
        databaseName = "mfa_upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        if (engine == Engine.DERBY) {
            return DriverManager.getConnection(
                    "jdbc:derby:memory:" + databaseName + ";create=true");
        }
        try (Connection admin = DriverManager.getConnection(postgresUrl("test"), "postgres", "");
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + databaseName);
        }
        return DriverManager.getConnection(postgresUrl(databaseName), "postgres", "");
    }

    private static String postgresUrl(String database) {
        String server = System.getProperty("test.postgresql.server", "127.0.0.1:5432");
        return "jdbc:postgresql://" + server + "/" + database;
    }

    private static boolean tableExists(Connection db, String table) throws SQLException {
        String name =
                db.getMetaData().storesLowerCaseIdentifiers()
                        ? table.toLowerCase(Locale.ROOT)
                        : table;
        try (ResultSet tables = db.getMetaData().getTables(null, null, name, null)) {
            return tables.next();
        }
    }

    private static long companyId(Connection db) throws SQLException {
        return count(db, "SELECT MIN(ID) FROM COMPANY");
    }

    private static long idOf(Connection db, String email) throws SQLException {
        try (PreparedStatement select =
                db.prepareStatement("SELECT ID FROM ACCOUNT WHERE EMAIL = ?")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "account " + email + " exists");
                return row.getLong(1);
            }
        }
    }

    private static int count(Connection db, String query) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static List<String> strings(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1).trim());
            }
        }
        return values;
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Both databases print a timestamp as yyyy-mm-dd hh:mm:ss[.f...]; compare without zeros. */
    private static String canonicalTimestamp(String printed) {
        return Timestamp.valueOf(printed).toString();
    }
}
