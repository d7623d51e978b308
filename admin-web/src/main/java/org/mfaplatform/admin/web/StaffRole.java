package org.mfaplatform.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.mfaplatform.account.entity.Role;

/** Which kind of staff is signed in, for what the pages offer; the services check it again. */
@Named
@RequestScoped
public class StaffRole {

    @Inject SecurityContext securityContext;

    public boolean isSupport() {
        return securityContext.isCallerInRole(Role.SUPPORT.name());
    }

    public boolean isCompanyAdmin() {
        return securityContext.isCallerInRole(Role.COMPANY_ADMIN.name());
    }
}
