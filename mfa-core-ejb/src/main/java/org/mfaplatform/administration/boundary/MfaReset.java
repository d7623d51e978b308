package org.mfaplatform.administration.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.control.PasswordHashing;
import org.mfaplatform.account.control.TemporaryPassword;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.audit.boundary.AuditTrail;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.enrollment.entity.MfaDevice;
import org.mfaplatform.notice.control.AccountNotice;
import org.mfaplatform.operations.metrics.SecurityEvent;

/**
 * Rescues a user who lost their device, after staff have checked who they are. The device and the
 * failure counters go, every open session of the user ends, and the act is recorded with its
 * reason. An account that wrong tokens locked is unlocked with a temporary password, which the user
 * replaces at the next login. Then the company's policy decides: a required policy sends the user
 * to set up a new device, an optional one lets the password alone in.
 */
@Stateless
public class MfaReset {

    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_TICKET_LENGTH = 100;

    private static final Logger LOG = Logger.getLogger(MfaReset.class.getName());

    @PersistenceContext EntityManager em;

    @Inject AuditTrail audit;

    @Inject Clock clock;

    @Inject Event<AccountNotice> notices;

    @Inject PasswordHashing hashing;

    @Inject Event<SecurityEvent> securityEvents;

    public ResetResult reset(
            long staffId, long userId, String reason, String ticket, String sourceAddress) {
        Staff staff = Staff.of(em, staffId);
        Optional<Account> found = staff.visibleAccount(em, userId);
        if (found.isEmpty()) {
            return ResetResult.of(ResetOutcome.NOT_FOUND);
        }
        Account user = found.get();
        if (user.getId() == staffId) {
            return ResetResult.of(ResetOutcome.OWN_ACCOUNT);
        }
        String givenReason = trimmed(reason, MAX_REASON_LENGTH);
        String givenTicket = trimmed(ticket, MAX_TICKET_LENGTH);
        if (givenReason.isEmpty()) {
            return ResetResult.of(ResetOutcome.REASON_REQUIRED);
        }
        if (staff.isSupport() && givenTicket.isEmpty()) {
            return ResetResult.of(ResetOutcome.TICKET_REQUIRED);
        }

        em.createNamedQuery(MfaDevice.DELETE_BY_ACCOUNT)
                .setParameter("accountId", user.getId())
                .executeUpdate();
        user.clearTokenFailures();
        user.endAllSessions();
        String temporaryPassword = null;
        if (user.isLocked()) {
            // Whoever locked it by guessing tokens knew the password, so the old one must go.
            temporaryPassword = TemporaryPassword.generate();
            user.unlockWithTemporaryPassword(hashing.hash(temporaryPassword.toCharArray()));
        }
        String detail =
                givenTicket.isEmpty()
                        ? "reason: " + givenReason
                        : "reason: " + givenReason + "; ticket: " + givenTicket;
        if (temporaryPassword != null) {
            detail += "; account unlocked with a temporary password";
        }
        audit.record(AuditEventType.MFA_RESET, staff.account(), user, sourceAddress, detail);
        notices.fire(AccountNotice.mfaReset(user.getId(), clock.instant()));
        securityEvents.fire(SecurityEvent.MFA_RESET);
        LOG.log(
                Level.INFO,
                "Account {0} reset the MFA of account {1}",
                new Object[] {staffId, user.getId()});
        return new ResetResult(ResetOutcome.RESET, temporaryPassword);
    }

    /** Too long a text is cut rather than refused: the page limits it already. */
    private static String trimmed(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > maxLength ? stripped.substring(0, maxLength) : stripped;
    }
}
