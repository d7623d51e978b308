package org.mfaplatform.administration.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.mfaplatform.account.entity.Role;

/** One user as the users page and its CSV export show it. */
public final class UserRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final Role role;
    private final String companyName;
    private final MfaStatus status;
    private final Instant activeSince;
    private final Instant lastUsed;
    private final int failedTokens;
    private final Instant lockedUntil;
    private final Instant accountLockedAt;

    public UserRow(
            long id,
            String email,
            Role role,
            String companyName,
            MfaStatus status,
            Instant activeSince,
            Instant lastUsed,
            int failedTokens,
            Instant lockedUntil,
            Instant accountLockedAt) {
        this.id = id;
        this.email = email;
        this.role = role;
        this.companyName = companyName;
        this.status = status;
        this.activeSince = activeSince;
        this.lastUsed = lastUsed;
        this.failedTokens = failedTokens;
        this.lockedUntil = lockedUntil;
        this.accountLockedAt = accountLockedAt;
    }

    public long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public String getCompanyName() {
        return companyName;
    }

    public MfaStatus getStatus() {
        return status;
    }

    public Instant getActiveSince() {
        return activeSince;
    }

    public Instant getLastUsed() {
        return lastUsed;
    }

    public int getFailedTokens() {
        return failedTokens;
    }

    /** Until when the token step refuses every token, or {@code null} when it is not locked. */
    public Instant getLockedUntil() {
        return lockedUntil;
    }

    /** When wrong tokens locked the whole account, or {@code null}; only a reset lifts it. */
    public Instant getAccountLockedAt() {
        return accountLockedAt;
    }

    public boolean isAccountLocked() {
        return accountLockedAt != null;
    }

    public boolean isLocked() {
        return lockedUntil != null;
    }
}
