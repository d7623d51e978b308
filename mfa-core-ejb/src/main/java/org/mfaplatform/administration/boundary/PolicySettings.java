package org.mfaplatform.administration.boundary;

import java.io.Serializable;
import org.mfaplatform.company.entity.MfaPolicy;

/**
 * A company's MFA policy as the settings page shows it. The version goes back with a change, so
 * that a change made meanwhile by another administrator is not silently overwritten.
 */
public final class PolicySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String companyName;
    private final MfaPolicy policy;
    private final long version;

    public PolicySettings(String companyName, MfaPolicy policy, long version) {
        this.companyName = companyName;
        this.policy = policy;
        this.version = version;
    }

    public String getCompanyName() {
        return companyName;
    }

    public MfaPolicy getPolicy() {
        return policy;
    }

    public long getVersion() {
        return version;
    }
}
