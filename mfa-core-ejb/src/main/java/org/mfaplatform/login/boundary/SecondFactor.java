package org.mfaplatform.login.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
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
import org.mfaplatform.secretstore.control.DeviceSecrets;
import org.mfaplatform.totp.control.TotpVerifier;

/**
 * Checks tokens from active devices: at login, and wherever a user confirms an act with a token.
 *
 * <p>Wrong tokens in a row lock the token step for a while. The lock lifts by itself, so a burst of
 * wrong tokens from someone else (who must already know the password) cannot keep the owner out for
 * long, while six digits still cannot be guessed by brute force.
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

    public TokenCheck verify(long accountId, String token, String sourceAddress) {
        Account account = em.find(Account.class, accountId);
        Optional<MfaDevice> device = activeDevice(accountId);
        if (account == null || device.isEmpty()) {
            return TokenCheck.NO_DEVICE;
        }
        Instant now = clock.instant();
        if (account.isTokenLocked(now)) {
            LOG.log(Level.FINE, "Refused a token for locked account {0}", accountId);
            return TokenCheck.LOCKED;
        }

        if (acceptOnce(accountId, device.get(), token, now)) {
            account.clearTokenFailures();
            LOG.log(Level.FINE, "Accepted a token for account {0}", accountId);
            return TokenCheck.ACCEPTED;
        }

        recordFailure(account, now, sourceAddress);
        return account.isTokenLocked(now) ? TokenCheck.LOCKED : TokenCheck.REJECTED;
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
                em.createNamedQuery(MfaDevice.ACCEPT_STEP)
                        .setParameter("step", step.getAsLong())
                        .setParameter("id", device.getId())
                        .setParameter("status", DeviceStatus.ACTIVE)
                        .executeUpdate();
        if (updated != 1) {
            return false;
        }
        device.markUsed(now);
        return true;
    }

    /**
     * Counts the failure with an atomic increment in the database, so parallel guesses cannot slip
     * past the limit by overwriting each other's count.
     */
    private void recordFailure(Account account, Instant now, String sourceAddress) {
        if (account.getTokenLockedUntil() != null) {
            // The earlier lock has expired (a locked account never gets here): start afresh.
            account.clearTokenFailures();
            em.flush();
        }
        em.createNamedQuery(Account.COUNT_TOKEN_FAILURE)
                .setParameter("id", account.getId())
                .executeUpdate();
        em.refresh(account);

        int failures = account.getFailedTokens();
        Instant lockedUntil = null;
        if (failures >= settings.maxFailedTokens()) {
            lockedUntil = now.plus(settings.tokenLockDuration());
            account.lockTokenStep(lockedUntil);
            notices.fire(
                    AccountNotice.tokenLocked(account.getId(), now, sourceAddress, lockedUntil));
        }

        audit.record(
                AuditEventType.TOKEN_REJECTED,
                account,
                account,
                sourceAddress,
                failures + " in a row");
        if (lockedUntil != null) {
            audit.record(
                    AuditEventType.TOKEN_LOCKOUT,
                    account,
                    account,
                    sourceAddress,
                    "locked until " + lockedUntil);
            LOG.log(
                    Level.WARNING,
                    "Locked the token step of account {0} after {1} wrong tokens in a row",
                    new Object[] {account.getId(), failures});
        } else {
            LOG.log(Level.FINE, "Refused a token for account {0}", account.getId());
        }
    }

    private Optional<MfaDevice> activeDevice(long accountId) {
        return em.createNamedQuery(MfaDevice.FIND_BY_ACCOUNT, MfaDevice.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .filter(MfaDevice::isActive)
                .findFirst();
    }
}
