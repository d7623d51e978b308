package org.mfaplatform.login.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The record Mojarra logs the session's token in never reaches a handler; others still do. */
class ProtectedViewLogGuardTest {

    private static final String TOKEN = "6yHk2Qv0XbR9pLmN3sT4uWcE";

    /** A logger of its own per test, its records kept instead of printed. */
    private static Logger guardedLogger(List<LogRecord> kept) {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(
                new Handler() {
                    @Override
                    public void publish(LogRecord record) {
                        kept.add(record);
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                });
        ProtectedViewLogGuard.guard(logger);
        return logger;
    }

    @Test
    void dropsMojarraRecordCarryingSessionToken() {
        List<LogRecord> kept = new ArrayList<>();
        Logger logger = guardedLogger(kept);

        // As Mojarra 4.0.11's RestoreViewPhase logs it.
        logger.log(
                Level.SEVERE,
                "correctSecretKeyValue = {0} incomingSecretKeyValue = {1}",
                new Object[] {TOKEN, null});

        assertEquals(List.of(), kept, "the token record is dropped");
    }

    @Test
    void letsOtherLifecycleRecordsThrough() {
        List<LogRecord> kept = new ArrayList<>();
        Logger logger = guardedLogger(kept);

        logger.log(Level.WARNING, "faces.lifecycle.invalid.referer", "/app/settings.xhtml");

        assertEquals(1, kept.size(), "other records still logged");
    }

    @Test
    void guardingTwiceKeepsOneFilterAndTheEarlierOne() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setFilter(record -> !record.getMessage().equals("muted"));
        ProtectedViewLogGuard.guard(logger);
        Filter guard = logger.getFilter();

        ProtectedViewLogGuard.guard(logger);

        assertSame(guard, logger.getFilter(), "the second guard adds no filter");
        assertFalse(
                logger.getFilter().isLoggable(new LogRecord(Level.INFO, "muted")),
                "the earlier filter still decides other records");
    }
}
