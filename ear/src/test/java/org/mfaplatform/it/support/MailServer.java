package org.mfaplatform.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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

    /** A session may be opened more than once in one JVM; only the first starts the server. */
    private static GreenMail running;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (running != null) {
            return;
        }
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
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (running != null) {
            running.stop();
            running = null;
        }
    }
}
