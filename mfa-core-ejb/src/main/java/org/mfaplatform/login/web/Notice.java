package org.mfaplatform.login.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the login page is shown again. Carried in the URL rather than the session because the session
 * has just ended; only these known keys are ever shown, never text from the URL.
 */
public enum Notice {
    LOGGED_OUT("logged-out"),
    LOGIN_EXPIRED("expired"),
    TOO_MANY_TOKENS("too-many-tokens"),
    ACCOUNT_LOCKED("account-locked");

    private final String key;

    Notice(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String messageKey() {
        return "notice." + key;
    }

    public static Optional<Notice> fromKey(String key) {
        return Arrays.stream(values()).filter(notice -> notice.key.equals(key)).findFirst();
    }
}
