package org.mfaplatform.enrollment.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A freshly generated key, as shown next to its QR code. The key URI itself is not here: it only
 * ever leaves the server inside the QR image. Getters rather than a record, for the pages' EL.
 *
 * <p>Pages keep it in a view-scoped bean, which lives in the HTTP session; where servers share
 * their sessions, the session is written to the database. The key is left out of that copy, so the
 * database never holds a TOTP secret in the clear: a challenge read back from it has no key ({@link
 * #hasKey()}), and the page asks {@link Enrollment#pendingChallenge} for it again.
 */
public final class SetupChallenge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient String keyForManualEntry;
    private final Instant expiresAt;

    /**
     * @param keyForManualEntry the Base32 key in blocks of four
     */
    public SetupChallenge(String keyForManualEntry, Instant expiresAt) {
        this.keyForManualEntry = keyForManualEntry;
        this.expiresAt = expiresAt;
    }

    public String getKeyForManualEntry() {
        return keyForManualEntry;
    }

    /** Whether the key is here: false once this challenge was carried over from another server. */
    public boolean hasKey() {
        return keyForManualEntry != null;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
