package org.mfaplatform.login.boundary;

import java.io.Serializable;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.policy.control.LoginStep;

/**
 * Where one login stands right now, re-evaluated on every request so that a policy change or an MFA
 * reset reaches sessions that are already open.
 *
 * @param sessionGeneration the account's value when this was evaluated; a session remembers it to
 *     notice when it has been ended
 */
public record Access(long accountId, String email, Role role, LoginStep step, int sessionGeneration)
        implements Serializable {}
