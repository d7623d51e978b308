package org.mfaplatform.administration.boundary;

import java.io.Serializable;
import org.mfaplatform.company.entity.MfaPolicy;

/**
 * What changing a company's MFA policy would do, counted in the database just before the change.
 * Support accounts are left out: their own policy is always "required". A class with getters,
 * because Jakarta Expression Language 5 reads only getters.
 */
public final class PolicyPreview implements Serializable {

    private static final long serialVersionUID = 1L;

    private final MfaPolicy current;
    private final MfaPolicy proposed;
    private final long usersWithDevice;
    private final long usersWithoutDevice;

    public PolicyPreview(
            MfaPolicy current, MfaPolicy proposed, long usersWithDevice, long usersWithoutDevice) {
        this.current = current;
        this.proposed = proposed;
        this.usersWithDevice = usersWithDevice;
        this.usersWithoutDevice = usersWithoutDevice;
    }

    public MfaPolicy getCurrent() {
        return current;
    }

    public MfaPolicy getProposed() {
        return proposed;
    }

    public boolean isChange() {
        return current != proposed;
    }

    /** Users with an active device. */
    public long getUsersWithDevice() {
        return usersWithDevice;
    }

    /** Users with no active device (a setup not yet confirmed counts as none). */
    public long getUsersWithoutDevice() {
        return usersWithoutDevice;
    }

    /** Under "required", these users must set up a device before they reach anything else. */
    public long getMustSetUp() {
        return proposed == MfaPolicy.REQUIRED && current != MfaPolicy.REQUIRED
                ? usersWithoutDevice
                : 0;
    }

    /** Leaving "disabled", dormant devices are used again: their owners get the token step. */
    public long getAskedForTokenAgain() {
        return current == MfaPolicy.DISABLED && proposed != MfaPolicy.DISABLED
                ? usersWithDevice
                : 0;
    }

    /** Going to "disabled", devices are kept but nobody is asked for a token. */
    public long getNoLongerAskedForToken() {
        return proposed == MfaPolicy.DISABLED && current != MfaPolicy.DISABLED
                ? usersWithDevice
                : 0;
    }

    /** Going from "required" to "optional", users may turn their device off themselves. */
    public boolean isUsersMayDisable() {
        return current == MfaPolicy.REQUIRED && proposed == MfaPolicy.OPTIONAL;
    }
}
