package org.mfaplatform.notice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static Properties sessionWith(String property, String value) {
        Properties properties = new Properties();
        properties.setProperty(property, value);
        return properties;
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
            // Outside a server there is no JNDI, so no mail session: as on a server without one.
            new NoticeMail().send(AccountNotice.deviceSetUp(42, Instant.now(), "192.0.2.10"));
        } finally {
            logger.removeHandler(capture);
        }

        List<String> infos =
                records.stream()
                        .filter(r -> r.getLevel() == Level.INFO)
                        .map(r -> new SimpleFormatter().formatMessage(r))
                        .toList();
        assertEquals(
                List.of(
                        "Did not send the device set up notice to account 42: no SMTP server"
                                + " configured"),
                infos);
    }
}
