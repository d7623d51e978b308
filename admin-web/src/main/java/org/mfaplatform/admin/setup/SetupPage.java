package org.mfaplatform.admin.setup;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.mfaplatform.admin.web.RequestContext;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.SetupChallenge;
import org.mfaplatform.enrollment.boundary.SetupNotAllowedException;

/**
 * The mandatory setup on the admin site, for staff who must use MFA and have no device yet. The
 * confirming token goes through the token page's bean to the authentication mechanism.
 */
@Named
@ViewScoped
public class SetupPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject Enrollment enrollment;

    @Inject RequestContext context;

    private SetupChallenge challenge;

    public void setup() {
        try {
            challenge = enrollment.startSetup(context.accountId());
        } catch (SetupNotAllowedException e) {
            context.error(null, "setup.notAllowed");
        }
    }

    public SetupChallenge getChallenge() {
        if (challenge != null && !challenge.hasKey()) {
            // Carried over from another server's session without its key (SetupChallenge).
            challenge = enrollment.pendingChallenge(context.accountId()).orElse(null);
        }
        return challenge;
    }

    public boolean isSetupInProgress() {
        return getChallenge() != null;
    }
}
