package org.mfaplatform.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes the test server's database away and brings it back, as a stopped database server would.
 *
 * <p>On PostgreSQL without touching the cluster the other databases on this machine live in: the
 * database stops taking connections and its open ones are ended, through a superuser connection to
 * another database. On Derby the network server the tests started ({@link DerbyNetworkServer}) is
 * stopped, which ends its connections and refuses new ones, and started again.
 */
public final class DatabaseOutage implements AutoCloseable {

    /** The PostgreSQL database taken offline; {@code null} on Derby. */
    private final String database;

    private DatabaseOutage(String database) {
        this.database = database;
    }

    /** Stops the test database; {@link #close()} starts it again. */
    public static DatabaseOutage begin() {
        if (DerbyNetworkServer.isDatabaseOfThisRun()) {
            DerbyNetworkServer.stop();
            return new DatabaseOutage(null);
        }
        DatabaseOutage outage = new DatabaseOutage(testDatabase());
        outage.allowConnections(false);
        cutConnections();
        return outage;
    }

    /** Ends every open connection to the test database, as a database restart would. */
    public static void cutConnections() {
        if (DerbyNetworkServer.isDatabaseOfThisRun()) {
            DerbyNetworkServer.stop();
            DerbyNetworkServer.start();
            return;
        }
        try (Connection admin = admin();
                PreparedStatement terminate =
                        admin.prepareStatement(
                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                        + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, testDatabase());
            terminate.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the connections", e);
        }
    }

    @Override
    public void close() {
        if (database == null) {
            DerbyNetworkServer.start();
        } else {
            allowConnections(true);
        }
    }

    private void allowConnections(boolean allowed) {
        try (Connection admin = admin();
                Statement alter = admin.createStatement()) {
            // A database name cannot be a statement parameter; it comes from the build.
            alter.execute("ALTER DATABASE " + quoted(database) + " ALLOW_CONNECTIONS " + allowed);
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the test database", e);
        }
    }

    private static String testDatabase() {
        String name = System.getProperty("it.db.name");
        if (name == null || !name.matches("[a-z0-9_]+") || name.equals("test")) {
            throw new IllegalStateException("not a test database name: " + name);
        }
        return name;
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("it.db.admin.url"), System.getProperty("it.db.user"), "");
    }
}
