package org.mfaplatform.login.boundary;

import jakarta.ejb.Stateless;
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
import org.mfaplatform.totp.control.SharedSecret;
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

        if (acceptOnce(device.get(), token, now)) {
            clearFailures(accountId);
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
    private boolean acceptOnce(MfaDevice device, String token, Instant now) {
        TotpVerifier verifier = new TotpVerifier(settings.totpPolicy(), clock);
        OptionalLong step =
                verifier.matchingStep(
                        SharedSecret.decode(device.getSecret()),
                        token,
                        device.getLastAcceptedStep());
        if (step.isEmpty()) {
            return false;
        }

        int updated =
                em.createNamedQuery(MfaDevice.ACCEPT_STEP)
                        .setParameter("step", step.getAsLong())
                        .setParameter("now", now)
                        .setParameter("id", device.getId())
                        .setParameter("status", DeviceStatus.ACTIVE)
                        .executeUpdate();
        return updated == 1;
    }

    private void clearFailures(long accountId) {
        em.createQuery(
                        "UPDATE Account a SET a.failedTokens = 0, a.tokenLockedUntil = NULL"
                                + " WHERE a.id = :id")
                .setParameter("id", accountId)
                .executeUpdate();
    }

    private void recordFailure(Account account, Instant now, String sourceAddress) {
        boolean earlierLockExpired = account.getTokenLockedUntil() != null;
        int failures = (earlierLockExpired ? 0 : account.getFailedTokens()) + 1;

        Instant lockedUntil = null;
        if (failures >= settings.maxFailedTokens()) {
            lockedUntil = now.plus(settings.tokenLockDuration());
        }
        em.createQuery(
                        "UPDATE Account a SET a.failedTokens = :failures,"
                                + " a.tokenLockedUntil = :lockedUntil WHERE a.id = :id")
                .setParameter("failures", failures)
                .setParameter("lockedUntil", lockedUntil)
                .setParameter("id", account.getId())
                .executeUpdate();
        em.refresh(account);

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
