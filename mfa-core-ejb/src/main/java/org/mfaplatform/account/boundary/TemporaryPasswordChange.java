package org.mfaplatform.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.control.PasswordHashing;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.audit.boundary.AuditTrail;
import org.mfaplatform.audit.entity.AuditEventType;

/**
 * The owner replaces the temporary password staff gave when they unlocked the account. Until then
 * the login reaches nothing else, because staff know the temporary password too.
 */
@Stateless
public class TemporaryPasswordChange {

    /** NIST SP 800-63B asks for at least 8; a longer floor costs a person little. */
    public static final int MIN_LENGTH = 12;

    /** Longer passwords only cost hashing time; no person types more. */
    public static final int MAX_LENGTH = 1024;

    private static final Logger LOG = Logger.getLogger(TemporaryPasswordChange.class.getName());

    @PersistenceContext EntityManager em;

    @Inject PasswordHashing hashing;

    @Inject AuditTrail audit;

    public PasswordChangeOutcome replace(
            long accountId, char[] newPassword, char[] confirmation, String sourceAddress) {
        Account account = em.find(Account.class, accountId);
        if (account == null || !account.isPasswordChangeRequired()) {
            return PasswordChangeOutcome.NOT_REQUIRED;
        }
        if (newPassword == null || newPassword.length < MIN_LENGTH) {
            return PasswordChangeOutcome.TOO_SHORT;
        }
        if (newPassword.length > MAX_LENGTH) {
            return PasswordChangeOutcome.TOO_LONG;
        }
        if (!Arrays.equals(newPassword, confirmation)) {
            return PasswordChangeOutcome.MISMATCH;
        }
        if (hashing.verify(newPassword, account.getPasswordHash())) {
            return PasswordChangeOutcome.SAME_AS_TEMPORARY;
        }

        account.changePassword(hashing.hash(newPassword));
        audit.record(AuditEventType.PASSWORD_CHANGED, account, account, sourceAddress, null);
        LOG.log(Level.INFO, "Account {0} replaced its temporary password", accountId);
        return PasswordChangeOutcome.CHANGED;
    }
}
