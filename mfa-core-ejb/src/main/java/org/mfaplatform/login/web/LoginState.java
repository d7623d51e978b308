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
 * @param wrongTokens wrong or refused tokens this login has given since its password
 */
public record LoginState(
        long accountId,
        int sessionGeneration,
        boolean tokenVerified,
        Instant passwordVerifiedAt,
        int wrongTokens)
        implements Serializable {

    /** A login whose password was just checked. */
    public static LoginState afterPassword(
            long accountId, int sessionGeneration, Instant passwordVerifiedAt) {
        return new LoginState(accountId, sessionGeneration, false, passwordVerifiedAt, 0);
    }

    public LoginState withTokenVerified() {
        return new LoginState(accountId, sessionGeneration, true, passwordVerifiedAt, wrongTokens);
    }

    public LoginState withWrongToken() {
        return new LoginState(
                accountId, sessionGeneration, tokenVerified, passwordVerifiedAt, wrongTokens + 1);
    }
}
