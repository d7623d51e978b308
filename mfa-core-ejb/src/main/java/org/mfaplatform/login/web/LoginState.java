package org.mfaplatform.login.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a session remembers of its login, kept in the HTTP session. It holds no password, token or
 * secret; what the caller may do is decided afresh from the database on every request.
 *
 * @param sessionGeneration the account's value at login; a raised value ends this session
 * @param tokenVerified whether this session has given a valid token or confirmed a setup
 * @param passwordVerifiedAt when the password was checked, to expire a half-finished login
 */
public record LoginState(
        long accountId, int sessionGeneration, boolean tokenVerified, Instant passwordVerifiedAt)
        implements Serializable {

    public LoginState withTokenVerified() {
        return new LoginState(accountId, sessionGeneration, true, passwordVerifiedAt);
    }
}
