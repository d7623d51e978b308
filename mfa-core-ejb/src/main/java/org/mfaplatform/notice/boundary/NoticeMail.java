package org.mfaplatform.notice.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.notice.control.AccountNotice;
import org.mfaplatform.notice.control.NoticeText;

/**
 * Mails notices to account owners through the server's mail session {@value #SESSION}, on a
 * container thread of its own. Nothing here reaches the act that caused the notice: a failure is
 * logged and the notice is lost.
 *
 * <p>The log names the notice's type and account id only, never an address, a subject or a body:
 * addresses are personal data, and the log is read by more people than the mailbox.
 */
// TODO(reliability): a notice lives only in memory until it is sent, so a server stop or an SMTP
// failure loses it, with no retry. Safe for now: notices only inform, and the audit trail keeps the
// durable record of every act they tell of.
@Stateless
public class NoticeMail {

    /** JNDI name of the {@code <mailSession>} in the server configuration (mfa.xml). */
    public static final String SESSION = "mail/mfaNotices";

    private static final Logger LOG = Logger.getLogger(NoticeMail.class.getName());

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    @Asynchronous
    public void send(AccountNotice notice) {
        Optional<Session> session = configuredSession();
        if (session.isEmpty()) {
            LOG.log(
                    Level.INFO,
                    "Did not send the {0} notice to account {1}: no SMTP server configured",
                    new Object[] {notice.type(), notice.accountId()});
            return;
        }
        Account account = em.find(Account.class, notice.accountId());
        if (account == null) {
            LOG.log(
                    Level.INFO,
                    "Did not send the {0} notice to account {1}: the account is gone",
                    new Object[] {notice.type(), notice.accountId()});
            return;
        }

        deliver(session.get(), notice, account.getEmail(), settings.issuer());
    }

    /** Sends one notice now; a failure is logged, never thrown. */
    static void deliver(Session session, AccountNotice notice, String email, String site) {
        NoticeText text = NoticeText.of(notice, email, site);
        try {
            Transport.send(message(session, email, text));
        } catch (MessagingException | RuntimeException e) {
            // The exception's own message can quote addresses and server replies, so only its
            // type goes to the log.
            LOG.log(
                    Level.WARNING,
                    "Could not send the {0} notice to account {1}: {2}",
                    new Object[] {notice.type(), notice.accountId(), describe(e)});
            return;
        }
        LOG.log(
                Level.INFO,
                "Sent the {0} notice to account {1}",
                new Object[] {notice.type(), notice.accountId()});
    }

    /**
     * The mail session, if the server names an SMTP host for it. Looked up at each send rather than
     * injected, so a server without any mail session still deploys the application.
     */
    Optional<Session> configuredSession() {
        Session session;
        try {
            session = InitialContext.doLookup(SESSION);
        } catch (NamingException e) {
            LOG.log(Level.FINE, "Found no mail session " + SESSION, e);
            return Optional.empty();
        }
        return namesHost(session.getProperties()) ? Optional.of(session) : Optional.empty();
    }

    /** An empty {@code mfa.smtp.host} leaves the session without a host: notices are off. */
    static boolean namesHost(Properties session) {
        for (String property : new String[] {"mail.smtp.host", "mail.host"}) {
            String host = session.getProperty(property);
            if (host != null && !host.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static MimeMessage message(Session session, String to, NoticeText text)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        // Without an argument the sender is the session's mail.from (mfa.smtp.from).
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(text.subject(), StandardCharsets.UTF_8.name());
        message.setText(text.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        return message;
    }

    private static String describe(Exception e) {
        StringBuilder chain = new StringBuilder(e.getClass().getName());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            chain.append(" caused by ").append(cause.getClass().getName());
        }
        return chain.toString();
    }
}
