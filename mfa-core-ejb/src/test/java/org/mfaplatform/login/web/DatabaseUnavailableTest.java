package org.mfaplatform.login.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is down" and get the 503 page instead of the error page. */
class DatabaseUnavailableTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new EJBException(new RuntimeException("persistence failure", cause));
    }

    @Test
    void refusedOrLostConnectionsAreRecognisedThroughWrappers() {
        assertTrue(
                DatabaseUnavailable.isCause(wrapped(new SQLException("not accepting", "55000"))));
        assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLException("terminated", "57P01"))));
        assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseUnavailable.isCause(wrapped(new SQLTransientConnectionException())));
    }

    @Test
    void nextExceptionChainIsFollowed() {
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("connection lost", "08003"));

        assertTrue(DatabaseUnavailable.isCause(wrapped(batch)));
    }

    @Test
    void faultsOfTheRequestOrTheCodeAreNotAnOutage() {
        assertFalse(DatabaseUnavailable.isCause(wrapped(new SQLException("NUL in text", "22021"))));
        assertFalse(DatabaseUnavailable.isCause(wrapped(new SQLException("duplicate", "23505"))));
        assertFalse(DatabaseUnavailable.isCause(wrapped(new SQLException("no state"))));
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("a bug")));
    }
}
