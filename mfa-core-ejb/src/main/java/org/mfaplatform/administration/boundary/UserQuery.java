package org.mfaplatform.administration.boundary;

import java.io.Serializable;

/**
 * Which users a member of staff asks for.
 *
 * @param status only users with this status, or {@code null} for all
 * @param emailContains only users whose email contains this text, ignoring case; blank for all
 */
public record UserQuery(MfaStatus status, String emailContains) implements Serializable {

    public static final UserQuery ALL = new UserQuery(null, null);

    public boolean hasEmailFilter() {
        return emailContains != null && !emailContains.isBlank();
    }
}
