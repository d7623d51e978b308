package org.mfaplatform.login.boundary;

import java.io.Serializable;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.policy.control.LoginStep;
import org.mfaplatform.policy.control.MfaRules;

/**
 * Where one login stands right now, re-evaluated on every request so that a policy change or an MFA
 * reset reaches sessions that are already open.
 *
 * @param sessionGeneration the account's value when this was evaluated; a session remembers it to
 *     notice when it has been ended
 */
public record Access(long accountId, String email, Role role, LoginStep step, int sessionGeneration)
        implements Serializable {

    /**
     * This reading once the session has given a valid token: a token is asked for only where a
     * device is active and the policy wants one, and there {@link MfaRules#nextStep} asks for
     * nothing more after it.
     */
    public Access withTokenAccepted() {
        if (step != LoginStep.TOKEN_REQUIRED) {
            throw new IllegalStateException("No token was asked for: " + step);
        }
        return new Access(accountId, email, role, LoginStep.GRANTED, sessionGeneration);
    }
}
