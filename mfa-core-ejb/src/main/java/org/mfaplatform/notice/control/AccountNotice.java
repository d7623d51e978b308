package org.mfaplatform.notice.control;

import java.time.Instant;
import java.util.Objects;

/**
 * A CDI event telling that something happened to an account's second factor which its owner should
 * hear about. Call sites fire it inside their transaction; it is mailed only if that transaction
 * commits, so a refused or rolled-back act never sends a notice.
 *
 * @param type what happened
 * @param accountId the account whose owner is told
 * @param at when it happened
 * @param sourceAddress the address the act came from, or {@code null} where it is not the owner's
 *     own (a reset by staff) or unknown
 * @param lockedUntil when the lock lifts, for {@link Type#TOKEN_LOCKED} only
 */
public record AccountNotice(
        Type type, long accountId, Instant at, String sourceAddress, Instant lockedUntil) {

    /** The acts that send a notice, with the label the log uses for each. */
    public enum Type {
        DEVICE_SET_UP("device set up"),
        DEVICE_DISABLED("device disabled"),
        DEVICE_REPLACED("device replaced"),
        MFA_RESET("MFA reset"),
        TOKEN_LOCKED("token lock"),
        ACCOUNT_LOCKED("account lock");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public AccountNotice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        if ((type == Type.TOKEN_LOCKED) != (lockedUntil != null)) {
            throw new IllegalArgumentException(
                    "lockedUntil belongs to a token lock, and only there");
        }
    }

    public static AccountNotice deviceSetUp(long accountId, Instant at, String sourceAddress) {
        return new AccountNotice(Type.DEVICE_SET_UP, accountId, at, sourceAddress, null);
    }

    public static AccountNotice deviceDisabled(long accountId, Instant at, String sourceAddress) {
        return new AccountNotice(Type.DEVICE_DISABLED, accountId, at, sourceAddress, null);
    }

    public static AccountNotice deviceReplaced(long accountId, Instant at, String sourceAddress) {
        return new AccountNotice(Type.DEVICE_REPLACED, accountId, at, sourceAddress, null);
    }

    /** No source address: the user should not be shown the address of the staff member. */
    public static AccountNotice mfaReset(long accountId, Instant at) {
        return new AccountNotice(Type.MFA_RESET, accountId, at, null, null);
    }

    public static AccountNotice accountLocked(long accountId, Instant at, String sourceAddress) {
        return new AccountNotice(Type.ACCOUNT_LOCKED, accountId, at, sourceAddress, null);
    }

    public static AccountNotice tokenLocked(
            long accountId, Instant at, String sourceAddress, Instant lockedUntil) {
        return new AccountNotice(Type.TOKEN_LOCKED, accountId, at, sourceAddress, lockedUntil);
    }
}
