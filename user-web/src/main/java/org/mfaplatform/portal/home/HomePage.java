package org.mfaplatform.portal.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** The portal's start page after login. */
@Named
@RequestScoped
public class HomePage {

    @Inject SecurityContext securityContext;

    public String getEmail() {
        return securityContext.getCallerPrincipal() == null
                ? null
                : securityContext.getCallerPrincipal().getName();
    }
}
