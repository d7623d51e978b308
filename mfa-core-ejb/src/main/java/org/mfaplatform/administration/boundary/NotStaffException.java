package org.mfaplatform.administration.boundary;

import jakarta.ejb.ApplicationException;

/** An admin action was asked for by an account that is not, or no longer, staff. */
@ApplicationException(rollback = true)
public class NotStaffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotStaffException(long accountId) {
        super("account " + accountId + " is not staff");
    }
}
