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
import org.mfaplatform.account.control.PasswordHashing;
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
import org.mfaplatform.operations.metrics.SecurityEvent;
import org.mfaplatform.policy.control.MfaRules;
import org.mfaplatform.secretstore.control.DeviceSecrets;
import org.mfaplatform.totp.control.KeyUri;
import org.mfaplatform.totp.control.QrCodeRenderer;
import org.mfaplatform.totp.control.SharedSecret;
import org.mfaplatform.totp.control.TotpVerifier;

/**
 * A user's own device: Setup makes a pending device with a new key, a token from the app activates
 * it. Replacing it and turning it off need the account's password and a current token from the
 * active device. A replacement is a second, pending device beside the active one, which alone is
 * asked for at login until a token from the new app confirms the replacement; then the old one is
 * removed in the same transaction.
 */
@Stateless
public class Enrollment {

    private static final Logger LOG = Logger.getLogger(Enrollment.class.getName());

    /** Longer passwords only cost hashing time; as at login, no person types more. */
    private static final int MAX_PASSWORD_LENGTH = 1024;

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    @Inject Clock clock;

    @Inject AuditTrail audit;

    @Inject SecondFactor secondFactor;

    @Inject DeviceSecrets secrets;

    @Inject PasswordHashing hashing;

    @Inject Event<AccountNotice> notices;

    @Inject Event<SecurityEvent> securityEvents;

    public DeviceView view(long accountId) {
        Account account = account(accountId);
        Optional<MfaDevice> active = MfaDevice.of(em, accountId, DeviceStatus.ACTIVE);
        boolean pending = unexpiredPending(accountId).isPresent();
        MfaPolicy policy = policyFor(account);

        DeviceView.State state = DeviceView.State.NONE;
        if (active.isPresent()) {
            state = DeviceView.State.ACTIVE;
        } else if (pending) {
            state = DeviceView.State.PENDING;
        }

        return new DeviceView(
                state,
                active.map(MfaDevice::getActivatedAt).orElse(null),
                active.map(MfaDevice::getLastUsedAt).orElse(null),
                active.isEmpty() && MfaRules.maySetUpDevice(policy),
                active.isPresent() && MfaRules.mayDisableDevice(policy),
                active.isPresent() && MfaRules.mayReplaceDevice(policy),
                active.isPresent() && pending,
                policy);
    }

    /** Creates a pending device with a new key, replacing any earlier pending one. */
    public SetupChallenge startSetup(long accountId) {
        Account account = account(accountId);
        if (!MfaRules.maySetUpDevice(policyFor(account))) {
            throw new SetupNotAllowedException("MFA is disabled for this company");
        }
        if (MfaDevice.of(em, accountId, DeviceStatus.ACTIVE).isPresent()) {
            throw new SetupNotAllowedException("a device is already active");
        }
        if (!secrets.canSeal(accountId)) {
            throw new SetupNotAllowedException("no secret-encryption key is configured");
        }

        SetupChallenge challenge = newPendingDevice(account);
        LOG.log(Level.INFO, "Started device setup for account {0}", accountId);
        return challenge;
    }

    /**
     * Starts replacing the active device, proven by the account's password and a current token from
     * that device: a new pending device with a new key, confirmed like a setup with {@link
     * #confirmSetup}. Until then, and for good if the replacement expires, the active device stays
     * the one the login asks for. An earlier unconfirmed replacement is dropped.
     *
     * @param password checked before the token, so a wrong one costs no token try
     */
    public ReplacementStart startReplacement(
            long accountId, char[] password, String token, String sourceAddress) {
        Account account = account(accountId);
        if (!MfaRules.mayReplaceDevice(policyFor(account))
                || MfaDevice.of(em, accountId, DeviceStatus.ACTIVE).isEmpty()) {
            return ReplacementStart.refused(ReplacementStart.Outcome.NOT_ALLOWED);
        }
        if (!secrets.canSeal(accountId)) {
            return ReplacementStart.refused(ReplacementStart.Outcome.NOT_ALLOWED);
        }
        if (!passwordMatches(account, password)) {
            return ReplacementStart.refused(ReplacementStart.Outcome.WRONG_PASSWORD);
        }

        TokenCheck check = secondFactor.verify(accountId, token, sourceAddress);
        switch (check) {
            case ACCEPTED -> {}
            case LOCKED, ACCOUNT_LOCKED -> {
                return ReplacementStart.refused(ReplacementStart.Outcome.LOCKED);
            }
            case REJECTED -> {
                return ReplacementStart.refused(ReplacementStart.Outcome.WRONG_TOKEN);
            }
            case NO_DEVICE -> {
                return ReplacementStart.refused(ReplacementStart.Outcome.NOT_ALLOWED);
            }
        }

        SetupChallenge challenge = newPendingDevice(account);
        LOG.log(Level.INFO, "Started replacing the device of account {0}", accountId);
        return new ReplacementStart(ReplacementStart.Outcome.STARTED, challenge);
    }

    /**
     * The key and expiry of the unexpired pending setup, decrypted from its row, or empty when
     * there is none: for a page whose challenge reached this server without its key ({@link
     * SetupChallenge}).
     */
    public Optional<SetupChallenge> pendingChallenge(long accountId) {
        return unexpiredPending(accountId)
                .map(
                        pending ->
                                new SetupChallenge(
                                        SharedSecret.groupedForReading(
                                                SharedSecret.encode(
                                                        secrets.open(
                                                                accountId,
                                                                pending.getSealedSecret()))),
                                        pending.getCreatedAt().plus(settings.setupTimeout())));
    }

    /**
     * The pending key as a QR code, or empty when there is no unexpired pending setup. Once the
     * device is active its key never leaves the server again, in any form.
     */
    public Optional<byte[]> pendingQrCode(long accountId) {
        Account account = account(accountId);
        return unexpiredPending(accountId)
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
     * in the same statement, so it cannot then log in a second time. Where the pending device
     * replaces an active one, the old device is removed in the same transaction: from its commit
     * on, only the new app's tokens log in.
     */
    public SetupOutcome confirmSetup(long accountId, String token, String sourceAddress) {
        Account account = account(accountId);
        if (!MfaRules.maySetUpDevice(policyFor(account))) {
            return SetupOutcome.NOT_ALLOWED;
        }
        Optional<MfaDevice> pending = unexpiredPending(accountId);
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
        if (step.isEmpty() || !useConfirmingStep(device, step.getAsLong())) {
            LOG.log(Level.FINE, "Refused a setup token for account {0}", accountId);
            return SetupOutcome.WRONG_TOKEN;
        }

        Optional<MfaDevice> replaced = MfaDevice.of(em, accountId, DeviceStatus.ACTIVE);
        replaced.ifPresent(this::removeBeforeActivating);
        device.activate(clock.instant());

        if (replaced.isPresent()) {
            audit.record(AuditEventType.DEVICE_REPLACED, account, account, sourceAddress, null);
            notices.fire(AccountNotice.deviceReplaced(accountId, clock.instant(), sourceAddress));
            securityEvents.fire(SecurityEvent.DEVICE_REPLACED);
            LOG.log(Level.INFO, "Replaced the device of account {0}", accountId);
        } else {
            audit.record(AuditEventType.DEVICE_SET_UP, account, account, sourceAddress, null);
            notices.fire(AccountNotice.deviceSetUp(accountId, clock.instant(), sourceAddress));
            securityEvents.fire(SecurityEvent.DEVICE_SET_UP);
            LOG.log(Level.INFO, "Activated the device of account {0}", accountId);
        }
        return SetupOutcome.ACTIVATED;
    }

    /**
     * Turns the user's own device off, proven by the account's password and a current token from
     * it. A replacement pending beside it goes too.
     *
     * @param password checked before the token, so a wrong one costs no token try
     */
    public DisableOutcome disable(
            long accountId, char[] password, String token, String sourceAddress) {
        Account account = account(accountId);
        if (!MfaRules.mayDisableDevice(policyFor(account))
                || MfaDevice.of(em, accountId, DeviceStatus.ACTIVE).isEmpty()) {
            return DisableOutcome.NOT_ALLOWED;
        }
        if (!passwordMatches(account, password)) {
            return DisableOutcome.WRONG_PASSWORD;
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

    /**
     * The account's password, asked again before its second factor is replaced or turned off, so
     * that a session left open or taken over is not enough to change it.
     *
     * <p>TODO(throttling): wrong passwords here are not slowed down as at the login. Safe for now
     * because only a session that gave the password and a token reaches this, and every try costs a
     * full password hash.
     */
    private boolean passwordMatches(Account account, char[] password) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD_LENGTH) {
            return false;
        }
        if (!hashing.verify(password, account.getPasswordHash())) {
            LOG.log(
                    Level.FINE,
                    "Refused a wrong password for a device change of account {0}",
                    account.getId());
            return false;
        }
        return true;
    }

    /** A new pending device with a new key, in place of any earlier pending one. */
    private SetupChallenge newPendingDevice(Account account) {
        String secret = SharedSecret.generate();
        MfaDevice pending =
                new MfaDevice(
                        account,
                        secrets.seal(account.getId(), SharedSecret.decode(secret)),
                        clock.instant());
        MfaDevice.of(em, account.getId(), DeviceStatus.PENDING).ifPresent(em::remove);
        // The old pending row must be gone before the new one meets the unique constraint.
        em.flush();
        em.persist(pending);

        return new SetupChallenge(
                SharedSecret.groupedForReading(secret),
                pending.getCreatedAt().plus(settings.setupTimeout()));
    }

    /**
     * EclipseLink writes deletes after updates at commit, so the old active device is deleted now:
     * otherwise the new one would turn active beside it and break the unique constraint.
     */
    private void removeBeforeActivating(MfaDevice replaced) {
        em.remove(replaced);
        em.flush();
    }

    /** Uses up the confirming token's time step, only while the device is still pending. */
    private boolean useConfirmingStep(MfaDevice device, long step) {
        int updated =
                em.createNamedQuery(MfaDevice.ACCEPT_STEP)
                        .setParameter("step", step)
                        .setParameter("id", device.getId())
                        .setParameter("status", DeviceStatus.PENDING)
                        .executeUpdate();
        return updated == 1;
    }

    private Optional<MfaDevice> unexpiredPending(long accountId) {
        return MfaDevice.of(em, accountId, DeviceStatus.PENDING).filter(this::isUnexpiredPending);
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

    private static MfaPolicy policyFor(Account account) {
        return MfaRules.effectivePolicy(account.getCompany().getMfaPolicy(), account.getRole());
    }
}
