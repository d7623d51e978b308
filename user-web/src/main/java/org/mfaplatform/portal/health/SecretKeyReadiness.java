package org.mfaplatform.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.mfaplatform.secretstore.boundary.SecretKeyCheck;

/**
 * Ready only with a key ring that reads the stored TOTP secrets: a node started without its keys,
 * or with a key missing that some secrets are under, would refuse every token of those users, while
 * its database check says UP. The server's log says which keys are missing; this answers only DOWN,
 * since the endpoint answers anyone who reaches it.
 */
@Readiness
@ApplicationScoped
public class SecretKeyReadiness implements HealthCheck {

    @Inject SecretKeyCheck secretKeys;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("secret-keys").status(secretKeys.canReadSecrets()).build();
    }
}
