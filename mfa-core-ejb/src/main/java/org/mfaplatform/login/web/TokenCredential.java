package org.mfaplatform.login.web;

import jakarta.security.enterprise.credential.Credential;

/** A token typed from an authenticator app, handed to the authentication mechanism. */
public final class TokenCredential implements Credential {

    private final String token;

    public TokenCredential(String token) {
        this.token = token == null ? "" : token.strip();
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
