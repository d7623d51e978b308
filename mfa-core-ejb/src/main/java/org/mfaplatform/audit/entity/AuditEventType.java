package org.mfaplatform.audit.entity;

/** The acts the audit trail records. */
public enum AuditEventType {
    DEVICE_SET_UP,
    DEVICE_DISABLED,
    /** A new device took the place of the active one, confirmed with a token from it. */
    DEVICE_REPLACED,
    MFA_RESET,
    POLICY_CHANGED,
    TOKEN_REJECTED,
    TOKEN_LOCKOUT,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGED,
    ADMIN_LOGIN
}
