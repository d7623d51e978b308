package org.mfaplatform.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP and IMAP server (GreenMail) on loopback in the test process, up for the whole test
 * run. The test server mails its notices to the SMTP port ({@code it.smtp.port}); tests read them
 * back over IMAP ({@code it.imap.port}), each from the mailbox of an account of its own, so
 * messages from other tests never mix in.
 *
 * <p>It starts with the JUnit launcher session rather than with a test class, because every test
 * class shares the one Liberty server, and any of them may make it send mail. Registered in {@code
 * META-INF/services}; the micro-deployments carry no such file, so it never starts inside the
 * server.
 */
public class MailServer implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(MailServer.class.getName());

    private static final String LOOPBACK = "127.0.0.1";

    /**
     * GreenMail logs every mailbox it creates together with its password (the address). Held here
     * so the level set on it is not lost to garbage collection.
     */
    private static final Logger MAILBOX_LOG =
            Logger.getLogger("com.icegreen.greenmail.user.UserManager");

    /** A session may be opened more than once in one JVM; only the first starts the server. */
    private static volatile GreenMail running;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        synchronized (MailServer.class) {
            startOnce();
        }
    }

    private static void startOnce() {
        if (running != null) {
            return;
        }
        MAILBOX_LOG.setLevel(Level.WARNING);
        int smtpPort = Integer.getInteger("it.smtp.port", 3025);
        int imapPort = Integer.getInteger("it.imap.port", 3143);
        GreenMail server =
                new GreenMail(
                        new ServerSetup[] {
                            new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                            new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP)
                        });
        server.start();
        running = server;
        LOG.log(
                Level.INFO,
                "Started the test mail server: SMTP on {0}:{1}, IMAP on port {2}",
                new Object[] {LOOPBACK, Integer.toString(smtpPort), Integer.toString(imapPort)});
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (MailServer.class) {
            if (running != null) {
                running.stop();
                running = null;
            }
        }
    }

    /** A message as its recipient reads it. */
    public record Mail(String subject, String body) {}

    /**
     * Waits until a message with this subject has reached {@code recipient}, for tests that run in
     * this process (browser tests); tests inside the server read over IMAP instead.
     */
    public static Mail awaitMessage(String recipient, String subject, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            GreenMail server = running;
            if (server == null) {
                throw new IllegalStateException("the test mail server is not running");
            }
            for (MimeMessage message : server.getReceivedMessages()) {
                Mail mail = read(message);
                if (isTo(message, recipient) && mail.subject().equals(subject)) {
                    return mail;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "No message \""
                                + subject
                                + "\" reached "
                                + recipient
                                + " within "
                                + patience);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for mail", e);
            }
        }
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException("could not read a message's recipients", e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            return new Mail(message.getSubject(), message.getContent().toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read a message", e);
        }
    }
}
