package org.mfaplatform.administration.boundary;

/** How a request to change a company's MFA policy ended. */
public enum PolicyChange {
    SAVED,
    /** The company already had this policy; nothing was written or recorded. */
    UNCHANGED,
    /** Someone else changed the policy since the page was loaded; nothing was written. */
    CHANGED_MEANWHILE,
    /** Only a company's own administrators set its policy. */
    NOT_ALLOWED
}
