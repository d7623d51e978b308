package org.mfaplatform.it.core;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Reads one address's mail from the test mail server (it.support.MailServer) over IMAP, from inside
 * the server where these tests run. The mail server gives each recipient a mailbox of its own, with
 * the address as login and password, the first time mail arrives for it.
 */
final class Inbox {

    /** Notices are sent after the commit, on another thread; this bounds the wait for one. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);

    private final String address;

    private Inbox(String address) {
        this.address = address;
    }

    static Inbox of(String address) {
        return new Inbox(address);
    }

    /** A message as the recipient sees it. */
    record Mail(String subject, String body, List<String> from, List<String> to) {}

    /** Waits until a message with this subject is there, and returns it. */
    Mail await(String subject) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<Mail> messages = messages();
            for (Mail mail : messages) {
                if (mail.subject().equals(subject)) {
                    return mail;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "No message \""
                                + subject
                                + "\" reached "
                                + address
                                + " within "
                                + PATIENCE
                                + "; there are: "
                                + messages.stream().map(Mail::subject).toList());
            }
            pause();
        }
    }

    /** Every message there now; none while nothing was ever delivered to the address. */
    List<Mail> messages() {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            try {
                store.connect("127.0.0.1", imapPort(), address, address);
            } catch (AuthenticationFailedException e) {
                return List.of();
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(
                            new Mail(
                                    message.getSubject(),
                                    message.getContent().toString(),
                                    texts(message.getFrom()),
                                    texts(message.getAllRecipients())));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mail of " + address, e);
        }
    }

    private static List<String> texts(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static int imapPort() {
        try {
            return Integer.parseInt(InitialContext.doLookup("it/imapPort").toString());
        } catch (NamingException e) {
            throw new IllegalStateException("the test server names no IMAP port", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mail", e);
        }
    }
}
