package org.mfaplatform.enrollment.entity;

/** Where a device is in its life. */
public enum DeviceStatus {
    /** Shown as a QR code but not yet confirmed with a token from the app; never asked for. */
    PENDING,
    /** Confirmed; its tokens are asked for at login whenever the company policy applies. */
    ACTIVE
}
