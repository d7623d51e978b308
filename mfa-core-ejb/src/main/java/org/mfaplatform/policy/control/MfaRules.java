package org.mfaplatform.policy.control;

import org.mfaplatform.account.entity.Role;
import org.mfaplatform.company.entity.MfaPolicy;

/**
 * What a company's MFA policy means for one account. Every login, every request of an open session
 * and every device action asks here, so hiding a button is never the only guard.
 */
public final class MfaRules {

    private MfaRules() {}

    /**
     * Support staff act on every company, so they always use MFA whatever their own company says.
     */
    public static MfaPolicy effectivePolicy(MfaPolicy companyPolicy, Role role) {
        return role == Role.SUPPORT ? MfaPolicy.REQUIRED : companyPolicy;
    }

    public static LoginStep nextStep(
            MfaPolicy effectivePolicy, boolean hasActiveDevice, boolean tokenVerified) {
        return switch (effectivePolicy) {
            case DISABLED -> LoginStep.GRANTED;
            case OPTIONAL ->
                    hasActiveDevice && !tokenVerified
                            ? LoginStep.TOKEN_REQUIRED
                            : LoginStep.GRANTED;
            case REQUIRED -> {
                if (!hasActiveDevice) {
                    yield LoginStep.SETUP_REQUIRED;
                }
                yield tokenVerified ? LoginStep.GRANTED : LoginStep.TOKEN_REQUIRED;
            }
        };
    }

    /** Setup is refused while MFA is disabled, so no device can appear that nobody asked for. */
    public static boolean maySetUpDevice(MfaPolicy effectivePolicy) {
        return effectivePolicy != MfaPolicy.DISABLED;
    }

    /**
     * Replacing the active device with a new one is a setup, allowed wherever setup is; under a
     * required policy it is how users move to a new phone without ever being without a device.
     */
    public static boolean mayReplaceDevice(MfaPolicy effectivePolicy) {
        return maySetUpDevice(effectivePolicy);
    }

    /** Only where MFA is optional may users turn it off themselves. */
    public static boolean mayDisableDevice(MfaPolicy effectivePolicy) {
        return effectivePolicy == MfaPolicy.OPTIONAL;
    }
}
