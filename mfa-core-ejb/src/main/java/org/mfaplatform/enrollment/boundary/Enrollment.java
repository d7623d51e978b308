package org.mfaplatform.enrollment.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.audit.boundary.AuditTrail;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.enrollment.entity.DeviceStatus;
import org.mfaplatform.enrollment.entity.MfaDevice;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;
import org.mfaplatform.notice.control.AccountNotice;
import org.mfaplatform.policy.control.MfaRules;
import org.mfaplatform.secretstore.control.DeviceSecrets;
import org.mfaplatform.totp.control.KeyUri;
import org.mfaplatform.totp.control.QrCodeRenderer;
import org.mfaplatform.totp.control.SharedSecret;
import org.mfaplatform.totp.control.TotpVerifier;

/**
 * A user's own device: Setup makes a pending device with a new key, a token from the app activates
 * it, and a token turns it off again where the policy allows.
 */
@Stateless
public class Enrollment {

    private static final Logger LOG = Logger.getLogger(Enrollment.class.getName());

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    @Inject Clock clock;

    @Inject AuditTrail audit;

    @Inject SecondFactor secondFactor;

    @Inject DeviceSecrets secrets;

    @Inject Event<AccountNotice> notices;

    public DeviceView view(long accountId) {
        Account account = account(accountId);
        Optional<MfaDevice> device = device(accountId);
        MfaPolicy policy = policyFor(account);

        DeviceView.State state = DeviceView.State.NONE;
        if (device.filter(MfaDevice::isActive).isPresent()) {
            state = DeviceView.State.ACTIVE;
        } else if (device.filter(this::isUnexpiredPending).isPresent()) {
            state = DeviceView.State.PENDING;
        }
        boolean active = state == DeviceView.State.ACTIVE;

        return new DeviceView(
                state,
                active ? device.get().getActivatedAt() : null,
                active ? device.get().getLastUsedAt() : null,
                !active && MfaRules.maySetUpDevice(policy),
                active && MfaRules.mayDisableDevice(policy),
                policy);
    }

    /** Creates a pending device with a new key, replacing any earlier pending one. */
    public SetupChallenge startSetup(long accountId) {
        Account account = account(accountId);
        if (!MfaRules.maySetUpDevice(policyFor(account))) {
            throw new SetupNotAllowedException("MFA is disabled for this company");
        }
        Optional<MfaDevice> existing = device(accountId);
        if (existing.filter(MfaDevice::isActive).isPresent()) {
            throw new SetupNotAllowedException("a device is already active");
        }

        String secret = SharedSecret.generate();
        MfaDevice pending =
                new MfaDevice(
                        account,
                        secrets.seal(accountId, SharedSecret.decode(secret)),
                        clock.instant());
        existing.ifPresent(em::remove);
        em.flush();
        em.persist(pending);

        LOG.log(Level.INFO, "Started device setup for account {0}", accountId);
        return new SetupChallenge(
                SharedSecret.groupedForReading(secret),
                pending.getCreatedAt().plus(settings.setupTimeout()));
    }

    /**
     * The pending key as a QR code, or empty when there is no unexpired pending setup. Once the
     * device is active its key never leaves the server again, in any form.
     */
    public Optional<byte[]> pendingQrCode(long accountId) {
        Account account = account(accountId);
        return device(accountId)
                .filter(this::isUnexpiredPending)
                .map(
                        pending ->
                                QrCodeRenderer.png(
                                        KeyUri.totp(
                                                settings.issuer(),
                                                account.getEmail(),
                                                SharedSecret.encode(
                                                        secrets.open(
                                                                accountId,
                                                                pending.getSealedSecret())),
                                                settings.totpPolicy())));
    }

    /**
     * Activates the pending device if {@code token} comes from it. The token's time step is used up
     * in the same statement, so it cannot then log in a second time.
     */
    public SetupOutcome confirmSetup(long accountId, String token, String sourceAddress) {
        Account account = account(accountId);
        if (!MfaRules.maySetUpDevice(policyFor(account))) {
            return SetupOutcome.NOT_ALLOWED;
        }
        Optional<MfaDevice> pending = device(accountId).filter(this::isUnexpiredPending);
        if (pending.isEmpty()) {
            return SetupOutcome.EXPIRED;
        }

        MfaDevice device = pending.get();
        OptionalLong step =
                new TotpVerifier(settings.totpPolicy(), clock)
                        .matchingStep(
                                secrets.open(accountId, device.getSealedSecret()),
                                token,
                                device.getLastAcceptedStep());
        if (step.isEmpty() || !activate(device, step.getAsLong())) {
            LOG.log(Level.FINE, "Refused a setup token for account {0}", accountId);
            return SetupOutcome.WRONG_TOKEN;
        }

        audit.record(AuditEventType.DEVICE_SET_UP, account, account, sourceAddress, null);
        notices.fire(AccountNotice.deviceSetUp(accountId, clock.instant(), sourceAddress));
        LOG.log(Level.INFO, "Activated the device of account {0}", accountId);
        return SetupOutcome.ACTIVATED;
    }

    /** Turns the user's own device off, proven by a current token from it. */
    public DisableOutcome disable(long accountId, String token, String sourceAddress) {
        Account account = account(accountId);
        if (!MfaRules.mayDisableDevice(policyFor(account))) {
            return DisableOutcome.NOT_ALLOWED;
        }

        TokenCheck check = secondFactor.verify(accountId, token, sourceAddress);
        switch (check) {
            case ACCEPTED -> {}
            case LOCKED, ACCOUNT_LOCKED -> {
                return DisableOutcome.LOCKED;
            }
            case REJECTED -> {
                return DisableOutcome.WRONG_TOKEN;
            }
            case NO_DEVICE -> {
                return DisableOutcome.NOT_ALLOWED;
            }
        }

        em.createNamedQuery(MfaDevice.DELETE_BY_ACCOUNT)
                .setParameter("accountId", accountId)
                .executeUpdate();
        audit.record(AuditEventType.DEVICE_DISABLED, account, account, sourceAddress, null);
        notices.fire(AccountNotice.deviceDisabled(accountId, clock.instant(), sourceAddress));
        LOG.log(Level.INFO, "Disabled the device of account {0} at its owner's request", accountId);
        return DisableOutcome.DISABLED;
    }

    private boolean activate(MfaDevice device, long step) {
        int updated =
                em.createNamedQuery(MfaDevice.ACCEPT_STEP)
                        .setParameter("step", step)
                        .setParameter("id", device.getId())
                        .setParameter("status", DeviceStatus.PENDING)
                        .executeUpdate();
        if (updated != 1) {
            return false;
        }
        device.activate(clock.instant());
        return true;
    }

    private boolean isUnexpiredPending(MfaDevice device) {
        return device.getStatus() == DeviceStatus.PENDING
                && clock.instant().isBefore(device.getCreatedAt().plus(settings.setupTimeout()));
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return account;
    }

    private Optional<MfaDevice> device(long accountId) {
        return em.createNamedQuery(MfaDevice.FIND_BY_ACCOUNT, MfaDevice.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    private static MfaPolicy policyFor(Account account) {
        return MfaRules.effectivePolicy(account.getCompany().getMfaPolicy(), account.getRole());
    }
}
