package org.mfaplatform.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every row of the product's tables as text, to show that a request changed nothing. The columns
 * and audit events a refused token is meant to change are left out, by name.
 */
public final class DatabaseSnapshot {

    private static final List<String> TABLES =
            List.of("company", "account", "mfa_device", "audit_event");

    /** What a wrong token is meant to change: the count in a row and the lock it leads to. */
    private static final Set<String> FAILURE_COLUMNS =
            Set.of("failed_tokens", "token_locked_until");

    /** The audit trail's record of wrong tokens and of the lock they caused. */
    private static final Set<String> FAILURE_EVENTS = Set.of("TOKEN_REJECTED", "TOKEN_LOCKOUT");

    private DatabaseSnapshot() {}

    public static List<String> take() {
        List<String> rows = new ArrayList<>();
        try (Connection db =
                        DriverManager.getConnection(
                                System.getProperty("it.db.url"),
                                System.getProperty("it.db.user"),
                                "");
                Statement select = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet found =
                        select.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    while (found.next()) {
                        row(table, found, rows);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the test database", e);
        }
        return rows;
    }

    private static void row(String table, ResultSet found, List<String> rows) throws SQLException {
        ResultSetMetaData columns = found.getMetaData();
        StringBuilder row = new StringBuilder(table);
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String column = columns.getColumnName(i).toLowerCase(Locale.ROOT);
            String value = found.getString(i);
            if (column.equals("type") && FAILURE_EVENTS.contains(value)) {
                return;
            }
            if (!FAILURE_COLUMNS.contains(column)) {
                row.append(' ').append(column).append('=').append(value);
            }
        }
        rows.add(row.toString());
    }
}
