package org.mfaplatform.administration.boundary;

/**
 * How a reset ended, and for an account that wrong tokens had locked, the temporary password that
 * unlocked it. Staff give that password to the user by a channel they trust; it is shown only once
 * and replaced by the user at the next login.
 *
 * @param temporaryPassword the new password, or {@code null} when the account was not locked
 */
public record ResetResult(ResetOutcome outcome, String temporaryPassword) {

    static ResetResult of(ResetOutcome outcome) {
        return new ResetResult(outcome, null);
    }

    public boolean unlockedAccount() {
        return temporaryPassword != null;
    }

    @Override
    public String toString() {
        // Records print their fields; this one must never put the password in a log or message.
        return "ResetResult[" + outcome + (unlockedAccount() ? ", account unlocked]" : "]");
    }
}
