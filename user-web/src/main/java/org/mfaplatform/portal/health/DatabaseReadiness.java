package org.mfaplatform.portal.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: without it no page but the "temporarily unavailable" one
 * can be served, so a load balancer should send logins to another node while this one is DOWN.
 *
 * <p>The check takes a connection from the application's own pool, which validates it before
 * handing it out, and asks the driver whether it still works within {@value #VALID_WITHIN_SECONDS}
 * seconds. A database that refuses connections fails at once, and the check says DOWN rather than
 * waiting. It never appears in the liveness checks: restarting the server does not bring a database
 * back.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    /** Short, because load balancers probe every few seconds and give up after a few more. */
    static final int VALID_WITHIN_SECONDS = 2;

    @Resource(lookup = "jdbc/mfa")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(databaseAnswers()).build();
    }

    /**
     * The cause of a failure goes to the log only: the endpoint answers anyone who reaches it, and
     * the pages served meanwhile log the outage already.
     */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Reported not ready: the database is unavailable", e);
            return false;
        }
    }
}
