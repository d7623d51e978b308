package org.mfaplatform.enrollment.boundary;

import jakarta.ejb.ApplicationException;

/** Setup was asked for where the policy forbids it or a device is already active. */
@ApplicationException(rollback = true)
public class SetupNotAllowedException extends RuntimeException {

    public SetupNotAllowedException(String message) {
        super(message);
    }
}
