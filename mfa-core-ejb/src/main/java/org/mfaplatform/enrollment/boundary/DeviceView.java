package org.mfaplatform.enrollment.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.mfaplatform.company.entity.MfaPolicy;

/**
 * What a user sees of their device and what they may do with it. A class with getters rather than a
 * record, because Jakarta Expression Language 5 in the pages reads only getters.
 */
public final class DeviceView implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum State {
        /** No device, or only a pending one whose QR code has expired. */
        NONE,
        PENDING,
        ACTIVE
    }

    private final State state;
    private final Instant activeSince;
    private final Instant lastUsed;
    private final boolean maySetUp;
    private final boolean mayDisable;
    private final boolean mayReplace;
    private final boolean replacementPending;
    private final MfaPolicy policy;

    public DeviceView(
            State state,
            Instant activeSince,
            Instant lastUsed,
            boolean maySetUp,
            boolean mayDisable,
            boolean mayReplace,
            boolean replacementPending,
            MfaPolicy policy) {
        this.policy = policy;
        this.state = state;
        this.activeSince = activeSince;
        this.lastUsed = lastUsed;
        this.maySetUp = maySetUp;
        this.mayDisable = mayDisable;
        this.mayReplace = mayReplace;
        this.replacementPending = replacementPending;
    }

    public State getState() {
        return state;
    }

    public Instant getActiveSince() {
        return activeSince;
    }

    public Instant getLastUsed() {
        return lastUsed;
    }

    public boolean isMaySetUp() {
        return maySetUp;
    }

    public boolean isMayDisable() {
        return mayDisable;
    }

    public boolean isMayReplace() {
        return mayReplace;
    }

    /**
     * Whether a new device waits for its confirming token beside the active one, which keeps
     * working until then. The state stays {@link State#ACTIVE} meanwhile.
     */
    public boolean isReplacementPending() {
        return replacementPending;
    }

    /** The policy that applies to this user, so the page can say why an action is missing. */
    public MfaPolicy getPolicy() {
        return policy;
    }
}
