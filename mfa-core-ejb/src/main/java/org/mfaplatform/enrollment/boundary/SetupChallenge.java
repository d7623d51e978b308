package org.mfaplatform.enrollment.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A freshly generated key, as shown next to its QR code. The key URI itself is not here: it only
 * ever leaves the server inside the QR image. Getters rather than a record, for the pages' EL.
 */
public final class SetupChallenge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String keyForManualEntry;
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

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
