package org.mfaplatform.administration.boundary;

/** A user's MFA status as staff see it, and the filter of the users page. */
public enum MfaStatus {
    /** No device, or a setup whose QR code has expired. */
    NONE,
    /** Setup started and its QR code still valid, but no token confirmed it yet. */
    PENDING,
    ACTIVE
}
