package org.mfaplatform.company.entity;

/** What a company asks of its users' second factor. */
public enum MfaPolicy {
    /** No token step at login; devices are kept, dormant. */
    DISABLED,
    /** Users choose; those with a device are asked for a token. The default for a new company. */
    OPTIONAL,
    /** Every user must have a device and give a token at each login. */
    REQUIRED
}
