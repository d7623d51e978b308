package org.mfaplatform.account.entity;

/** What an account may do. Each role is also the name of the matching Jakarta Security group. */
public enum Role {
    /** Uses the portal. */
    USER,
    /** Manages the MFA policy and users of their own company on the admin site. */
    COMPANY_ADMIN,
    /** Helps users of every company on the admin site; always logs in with MFA. */
    SUPPORT
}
