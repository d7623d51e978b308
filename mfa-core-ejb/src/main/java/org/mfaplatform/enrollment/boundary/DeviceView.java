package org.mfaplatform.enrollment.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a user sees of their device and what they may do with it.
 *
 * @param state NONE when no device is set up or a pending one has expired
 */
public record DeviceView(
        State state, Instant activeSince, Instant lastUsed, boolean maySetUp, boolean mayDisable)
        implements Serializable {

    public enum State {
        NONE,
        PENDING,
        ACTIVE
    }
}
