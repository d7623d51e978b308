package org.mfaplatform.login.web;

import jakarta.security.enterprise.credential.Credential;

/** A token typed from an authenticator app, handed to the authentication mechanism. */
public final class TokenCredential implements Credential {

    private final String token;

    /**
     * @param token as typed; blanks are dropped by the verifier, the one place every token entry
     *     point shares
     */
    public TokenCredential(String token) {
        this.token = token == null ? "" : token;
    }

    public String token() {
        return token;
    }

    /** Never shows the token, in case a credential ends up in a log line. */
    @Override
    public String toString() {
        return "TokenCredential[****]";
    }
}
