package org.mfaplatform.enrollment.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A freshly generated key, as shown next to its QR code. The key URI itself is not here: it only
 * ever leaves the server inside the QR image.
 *
 * @param keyForManualEntry the Base32 key in blocks of four
 */
public record SetupChallenge(String keyForManualEntry, String issuer, Instant expiresAt)
        implements Serializable {}
