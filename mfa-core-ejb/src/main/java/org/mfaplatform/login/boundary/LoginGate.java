package org.mfaplatform.login.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.enrollment.entity.DeviceStatus;
import org.mfaplatform.enrollment.entity.MfaDevice;
import org.mfaplatform.policy.control.LoginStep;
import org.mfaplatform.policy.control.MfaRules;

/** Tells the web tier, on every request, how far a login has come and what is still missing. */
@Stateless
public class LoginGate {

    @PersistenceContext EntityManager em;

    /**
     * @param sessionGeneration the value the session remembered, or {@code null} right after the
     *     password when there is nothing to compare yet
     * @param tokenVerified whether this session has given a valid token
     * @return empty when the session must end: the account is gone or its sessions were ended
     */
    public Optional<Access> evaluate(
            long accountId, Integer sessionGeneration, boolean tokenVerified) {
        Optional<Account> found = Account.withCompany(em, accountId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        if (sessionGeneration != null && sessionGeneration != account.getSessionGeneration()) {
            return Optional.empty();
        }

        // A pending device, a first setup or a replacement, is never asked for.
        boolean hasActiveDevice = MfaDevice.of(em, accountId, DeviceStatus.ACTIVE).isPresent();
        LoginStep step;
        if (account.isLocked()) {
            step = LoginStep.ACCOUNT_LOCKED;
        } else if (account.isPasswordChangeRequired()) {
            // Staff set the password after a lock: the owner replaces it before anything else.
            step = LoginStep.PASSWORD_CHANGE_REQUIRED;
        } else {
            step =
                    MfaRules.nextStep(
                            MfaRules.effectivePolicy(
                                    account.getCompany().getMfaPolicy(), account.getRole()),
                            hasActiveDevice,
                            tokenVerified);
        }

        return Optional.of(
                new Access(
                        accountId,
                        account.getEmail(),
                        account.getRole(),
                        step,
                        account.getSessionGeneration()));
    }
}
