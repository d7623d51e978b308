package org.mfaplatform.notice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.mfaplatform.notice.control.AccountNotice;

class NoticeMailTest {

    private static final String EMAIL = "alice@example.com";

    private static final AccountNotice SET_UP =
            AccountNotice.deviceSetUp(42, Instant.parse("2026-12-04T04:30:00Z"), "192.0.2.10");

    /** The log records of NoticeMail while {@code action} runs. */
    private static List<LogRecord> logged(Runnable action) {
        List<LogRecord> records = new ArrayList<>();
        Handler capture =
                new Handler() {
                    @Override
                    public void publish(LogRecord logRecord) {
                        records.add(logRecord);
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        Logger logger = Logger.getLogger(NoticeMail.class.getName());
        logger.addHandler(capture);
        try {
            action.run();
        } finally {
            logger.removeHandler(capture);
        }
        return records;
    }

    private static String text(LogRecord logRecord) {
        return new SimpleFormatter().formatMessage(logRecord);
    }

    private static Properties sessionWith(String property, String value) {
        Properties properties = new Properties();
        properties.setProperty(property, value);
        return properties;
    }

    /** A loopback port that was just free: nothing answers there. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void emptyHostMeansNoticesAreOff() {
        assertFalse(NoticeMail.namesHost(sessionWith("mail.host", "")));
        assertFalse(NoticeMail.namesHost(sessionWith("mail.host", "  ")));
        assertFalse(NoticeMail.namesHost(new Properties()));
    }

    @Test
    void eitherHostPropertyTurnsNoticesOn() {
        assertTrue(NoticeMail.namesHost(sessionWith("mail.host", "smtp.example.com")));
        assertTrue(NoticeMail.namesHost(sessionWith("mail.smtp.host", "smtp.example.com")));
    }

    @Test
    void withoutMailSessionTheLogTellsTypeAndAccountButNoContent() {
        // Outside a server there is no JNDI, so no mail session: as on a server without one.
        List<LogRecord> records = logged(() -> new NoticeMail().send(SET_UP));

        assertEquals(
                List.of(
                        "Did not send the device set up notice to account 42: no SMTP server"
                                + " configured"),
                records.stream()
                        .filter(r -> r.getLevel() == Level.INFO)
                        .map(NoticeMailTest::text)
                        .toList());
    }

    @Test
    void deadMailServerIsLoggedWithoutAddressAndNeverThrown() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(deadPort()));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.from", "no-reply@example.com");
        Session session = Session.getInstance(properties);

        List<LogRecord> records =
                logged(() -> NoticeMail.deliver(session, SET_UP, EMAIL, "login.example.com"));

        assertEquals(1, records.size(), "one line per failed notice");
        LogRecord failure = records.get(0);
        assertEquals(Level.WARNING, failure.getLevel());
        assertTrue(
                text(failure).startsWith("Could not send the device set up notice to account 42: "),
                text(failure));
        assertTrue(text(failure).contains("ConnectException"), "says why: " + text(failure));
        assertFalse(text(failure).contains(EMAIL), "no address in the log");
        assertFalse(text(failure).contains("example.com"), "no address in the log");
        assertNull(failure.getThrown(), "no stack trace, whose messages may quote addresses");
    }
}
