package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import java.util.List;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.administration.boundary.MfaReset;
import org.mfaplatform.administration.boundary.ResetOutcome;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.enrollment.boundary.DisableOutcome;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.ReplacementStart;
import org.mfaplatform.enrollment.boundary.SetupChallenge;
import org.mfaplatform.enrollment.boundary.SetupOutcome;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;

/**
 * Email notices, read back from the real SMTP server the test process runs (it.support.MailServer)
 * after the acts go through the EJB boundary on the real server. Each test reads the mailbox of an
 * account of its own.
 */
@ExtendWith(ArquillianExtension.class)
class NoticeMailIT {

    private static final String SOURCE = "203.0.113.25";
    private static final char[] PASSWORD = TestAccounts.PASSWORD.toCharArray();

    private static final String SET_UP = "Two-step login was turned on for your account";
    private static final String DISABLED = "Two-step login was turned off for your account";
    private static final String REPLACED = "The authenticator app for your account was replaced";
    private static final String RESET = "An administrator reset two-step login for your account";
    private static final String LOCKED =
            "Token entry on your account was locked after wrong tokens";

    /** Far above any lock threshold a deployment would set; only stops a broken lock looping. */
    private static final int MAX_WRONG_TOKENS = 100;

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.withTests(NoticeMailIT.class, Inbox.class);
    }

    @EJB TestAccounts accounts;

    @EJB Enrollment enrollment;

    @EJB SecondFactor secondFactor;

    @EJB MfaReset mfaReset;

    /** Neither spelling of the key shows in any message of the mailbox. */
    private static void assertNoKeyIn(Inbox inbox, String groupedKey) {
        String key = groupedKey.replace(" ", "");
        for (Inbox.Mail mail : inbox.messages()) {
            String text = mail.subject() + "\n" + mail.body();
            assertFalse(text.contains(key), "the key is in the message \"" + mail.subject() + "\"");
            assertFalse(
                    text.contains(groupedKey),
                    "the grouped key is in the message \"" + mail.subject() + "\"");
            assertFalse(text.contains("otpauth:"), "a key URI is in \"" + mail.subject() + "\"");
        }
    }

    private String activatedDevice(long accountId) {
        return Devices.activate(enrollment, accountId, SOURCE).getKeyForManualEntry();
    }

    @Test
    void settingUpADeviceMailsItsOwnerWhenAndFromWhere() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String email = accounts.emailOf(accountId);

        String key = activatedDevice(accountId);
        Inbox inbox = Inbox.of(email);
        Inbox.Mail mail = inbox.await(SET_UP);

        assertEquals(List.of(email), mail.to());
        assertEquals(List.of("no-reply@mfa.test"), mail.from(), "the configured sender");
        assertTrue(mail.body().contains(email + " at mfa.test"), mail.body());
        assertTrue(mail.body().contains("from the address " + SOURCE), mail.body());
        assertTrue(mail.body().contains(" UTC"), "the time is given in UTC: " + mail.body());
        assertTrue(mail.body().contains("contact your administrator"), mail.body());
        assertNoKeyIn(inbox, key);
    }

    @Test
    void wrongSetupTokenSendsNoNotice() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge challenge = enrollment.startSetup(accountId);
        String right = Devices.code(challenge.getKeyForManualEntry(), 0);
        String wrong = right.equals("000000") ? "111111" : "000000";

        assertEquals(SetupOutcome.WRONG_TOKEN, enrollment.confirmSetup(accountId, wrong, SOURCE));
        assertEquals(SetupOutcome.ACTIVATED, enrollment.confirmSetup(accountId, right, SOURCE));
        Inbox inbox = Inbox.of(accounts.emailOf(accountId));
        inbox.await(SET_UP);

        assertEquals(
                List.of(SET_UP),
                inbox.messages().stream().map(Inbox.Mail::subject).toList(),
                "only the setup that went through is told");
    }

    @Test
    void setupRolledBackWithItsTransactionSendsNoNotice() throws Exception {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = enrollment.startSetup(accountId).getKeyForManualEntry();
        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");

        transaction.begin();
        SetupOutcome rolledBack = enrollment.confirmSetup(accountId, Devices.code(key, 0), SOURCE);
        transaction.rollback();
        SetupOutcome committed = enrollment.confirmSetup(accountId, Devices.code(key, 0), SOURCE);
        Inbox inbox = Inbox.of(accounts.emailOf(accountId));
        inbox.await(SET_UP);

        assertEquals(SetupOutcome.ACTIVATED, rolledBack, "activated, then rolled back");
        assertEquals(SetupOutcome.ACTIVATED, committed, "the rollback undid the first one");
        assertEquals(
                List.of(SET_UP),
                inbox.messages().stream().map(Inbox.Mail::subject).toList(),
                "only the setup that committed is told");
    }

    @Test
    void turningTheDeviceOffMailsItsOwner() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);

        DisableOutcome outcome =
                enrollment.disable(accountId, PASSWORD, Devices.code(key, 1), SOURCE);
        Inbox inbox = Inbox.of(accounts.emailOf(accountId));
        Inbox.Mail mail = inbox.await(DISABLED);

        assertEquals(DisableOutcome.DISABLED, outcome);
        assertTrue(mail.body().contains("from the address " + SOURCE), mail.body());
        assertTrue(mail.body().contains("contact your administrator"), mail.body());
        assertNoKeyIn(inbox, key);
    }

    @Test
    void replacingTheDeviceMailsItsOwnerOnceTheNewOneIsConfirmed() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String oldKey = activatedDevice(accountId);
        Inbox.of(accounts.emailOf(accountId)).await(SET_UP);

        ReplacementStart start =
                enrollment.startReplacement(accountId, PASSWORD, Devices.code(oldKey, 1), SOURCE);
        String newKey = start.challenge().getKeyForManualEntry();
        SetupOutcome confirmed =
                enrollment.confirmSetup(accountId, Devices.code(newKey, 0), SOURCE);
        Inbox inbox = Inbox.of(accounts.emailOf(accountId));
        Inbox.Mail mail = inbox.await(REPLACED);

        assertEquals(SetupOutcome.ACTIVATED, confirmed);
        assertEquals(
                List.of(SET_UP, REPLACED),
                inbox.messages().stream().map(Inbox.Mail::subject).toList(),
                "starting the replacement sent nothing; confirming it sent one notice");
        assertTrue(mail.body().contains("from the address " + SOURCE), mail.body());
        assertNoKeyIn(inbox, oldKey);
        assertNoKeyIn(inbox, newKey);
    }

    @Test
    void resetByAdministratorMailsTheUserButNotTheStaffAddress() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long user = accounts.newColleague(admin, Role.USER);
        String key = activatedDevice(user);

        ResetOutcome outcome =
                mfaReset.reset(admin, user, "lost the phone", null, "198.51.100.99").outcome();
        Inbox inbox = Inbox.of(accounts.emailOf(user));
        Inbox.Mail mail = inbox.await(RESET);

        assertEquals(ResetOutcome.RESET, outcome);
        assertFalse(mail.body().contains("198.51.100.99"), "the staff member's address stays out");
        assertFalse(mail.body().contains("lost the phone"), "the staff's reason stays out");
        assertTrue(mail.body().contains("contact your"), mail.body());
        assertTrue(
                Inbox.of(accounts.emailOf(admin)).messages().isEmpty(),
                "the administrator is not mailed about someone else's reset");
        assertNoKeyIn(inbox, key);
    }

    @Test
    void lockingTheTokenStepMailsTheOwnerUntilWhen() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        String right = Devices.code(key, 1);
        String wrong = right.equals("000000") ? "111111" : "000000";

        // Wrong tokens until the lock, whatever mfa.token.lockAfter the server runs with.
        int tries = 0;
        TokenCheck check = TokenCheck.REJECTED;
        while (check == TokenCheck.REJECTED && tries < MAX_WRONG_TOKENS) {
            check = secondFactor.verify(accountId, wrong, SOURCE);
            tries++;
        }
        Inbox inbox = Inbox.of(accounts.emailOf(accountId));
        Inbox.Mail mail = inbox.await(LOCKED);

        assertEquals(TokenCheck.LOCKED, check, "locked after " + tries + " wrong tokens");
        assertTrue(mail.body().contains("from the address " + SOURCE), mail.body());
        assertTrue(mail.body().contains("locked until "), mail.body());
        assertTrue(mail.body().contains("contact your administrator"), mail.body());
        assertEquals(
                1,
                inbox.messages().stream().filter(m -> m.subject().equals(LOCKED)).count(),
                "one notice per lock, not one per wrong token");
        assertNoKeyIn(inbox, key);
    }
}
