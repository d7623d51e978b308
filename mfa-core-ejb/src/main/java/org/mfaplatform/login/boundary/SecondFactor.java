package org.mfaplatform.login.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.audit.boundary.AuditTrail;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.enrollment.entity.DeviceStatus;
import org.mfaplatform.enrollment.entity.MfaDevice;
import org.mfaplatform.notice.control.AccountNotice;
import org.mfaplatform.operations.metrics.SecurityEvent;
import org.mfaplatform.policy.control.TokenLockPolicy;
import org.mfaplatform.secretstore.control.DeviceSecrets;
import org.mfaplatform.totp.control.TotpVerifier;

/**
 * Checks tokens from active devices: at login, and wherever a user confirms an act with a token.
 *
 * <p>Wrong tokens in a row are counted per account, whatever the session, browser or address, and
 * lock the token step and finally the account as {@link TokenLockPolicy} says. While a lock holds a
 * submitted code is not evaluated at all, so a right and a wrong code get the same answer and the
 * lock cannot be used to test guesses.
 */
@Stateless
public class SecondFactor {

    private static final Logger LOG = Logger.getLogger(SecondFactor.class.getName());

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    @Inject Clock clock;

    @Inject AuditTrail audit;

    @Inject Event<AccountNotice> notices;

    @Inject DeviceSecrets secrets;

    @Inject Event<SecurityEvent> securityEvents;

    public TokenCheck verify(long accountId, String token, String sourceAddress) {
        Optional<MfaDevice> device = MfaDevice.withAccount(em, accountId, DeviceStatus.ACTIVE);
        if (device.isEmpty()) {
            return TokenCheck.NO_DEVICE;
        }
        Account account = device.get().getAccount();
        Instant now = clock.instant();
        if (account.isLocked()) {
            LOG.log(Level.FINE, "Refused a token unchecked for locked account {0}", accountId);
            return TokenCheck.ACCOUNT_LOCKED;
        }
        if (account.isTokenLocked(now)) {
            LOG.log(Level.FINE, "Refused a token unchecked for account {0}: locked", accountId);
            return TokenCheck.LOCKED;
        }

        if (acceptOnce(accountId, device.get(), token, now)) {
            account.clearTokenFailures();
            LOG.log(Level.FINE, "Accepted a token for account {0}", accountId);
            return TokenCheck.ACCEPTED;
        }

        return recordFailure(account, now, sourceAddress);
    }

    /**
     * Finds the token's time step and uses it up in one conditional update. Of two parallel
     * requests carrying the same token, the database lets exactly one of them change the row.
     */
    private boolean acceptOnce(long accountId, MfaDevice device, String token, Instant now) {
        TotpVerifier verifier = new TotpVerifier(settings.totpPolicy(), clock);
        OptionalLong step =
                verifier.matchingStep(
                        secrets.open(accountId, device.getSealedSecret()),
                        token,
                        device.getLastAcceptedStep());
        if (step.isEmpty()) {
            return false;
        }

        int updated =
                em.createNamedQuery(MfaDevice.ACCEPT_LOGIN_STEP)
                        .setParameter("step", step.getAsLong())
                        .setParameter("usedAt", now)
                        .setParameter("id", device.getId())
                        .setParameter("status", DeviceStatus.ACTIVE)
                        .executeUpdate();
        return updated == 1;
    }

    /**
     * Counts the failure with an atomic, conditional increment in the database: parallel guesses
     * can neither lose a count nor slip past a lock that a parallel failure has just set, because
     * the increment changes no row once a lock holds.
     */
    private TokenCheck recordFailure(Account account, Instant now, String sourceAddress) {
        int counted =
                em.createNamedQuery(Account.COUNT_TOKEN_FAILURE)
                        .setParameter("id", account.getId())
                        .setParameter("now", now)
                        .executeUpdate();
        em.refresh(account);
        if (counted == 0) {
            LOG.log(
                    Level.FINE,
                    "Refused a token for account {0}: locked meanwhile",
                    account.getId());
            return account.isLocked() ? TokenCheck.ACCOUNT_LOCKED : TokenCheck.LOCKED;
        }

        int failures = account.getFailedTokens();
        audit.record(
                AuditEventType.TOKEN_REJECTED,
                account,
                account,
                sourceAddress,
                failures + " in a row");
        securityEvents.fire(SecurityEvent.TOKEN_FAILURE);
        TokenLockPolicy locks = settings.tokenLockPolicy();
        if (locks.locksAccount(failures)) {
            lockAccount(account, failures, now, sourceAddress);
            return TokenCheck.ACCOUNT_LOCKED;
        }
        Duration lock = locks.tokenLockAfter(failures);
        if (!lock.isZero()) {
            lockTokenStep(account, failures, now.plus(lock), now, sourceAddress);
            return TokenCheck.LOCKED;
        }
        LOG.log(Level.FINE, "Refused a token for account {0}", account.getId());
        return TokenCheck.REJECTED;
    }

    private void lockTokenStep(
            Account account, int failures, Instant until, Instant now, String sourceAddress) {
        account.lockTokenStep(until);
        audit.record(
                AuditEventType.TOKEN_LOCKOUT,
                account,
                account,
                sourceAddress,
                "locked until " + until);
        notices.fire(AccountNotice.tokenLocked(account.getId(), now, sourceAddress, until));
        securityEvents.fire(SecurityEvent.TOKEN_STEP_LOCKOUT);
        LOG.log(
                Level.WARNING,
                "Locked the token step of account {0} until {1} after {2} wrong tokens in a row",
                new Object[] {account.getId(), until, failures});
    }

    private void lockAccount(Account account, int failures, Instant now, String sourceAddress) {
        account.lock(now);
        audit.record(
                AuditEventType.ACCOUNT_LOCKED,
                account,
                account,
                sourceAddress,
                failures + " wrong tokens in a row");
        notices.fire(AccountNotice.accountLocked(account.getId(), now, sourceAddress));
        securityEvents.fire(SecurityEvent.ACCOUNT_LOCKOUT);
        LOG.log(
                Level.WARNING,
                "Locked account {0} after {1} wrong tokens in a row; staff must reset it",
                new Object[] {account.getId(), failures});
    }
}
