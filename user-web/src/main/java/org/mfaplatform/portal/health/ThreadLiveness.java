package org.mfaplatform.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads of the server are deadlocked. Liveness asks one question: would restarting
 * this process help? The endpoint answering at all shows that the HTTP transport and the
 * application run; threads blocked on each other for good are the failure a running process does
 * not recover from, so they make it DOWN and an orchestrator restarts it. Everything a restart does
 * not cure stays out of here: a database outage only makes the server not ready ({@link
 * DatabaseReadiness}), since restarting every node at once would not bring the database back.
 */
@Liveness
@ApplicationScoped
public class ThreadLiveness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ThreadLiveness.class.getName());

    @Override
    public HealthCheckResponse call() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        if (count > 0) {
            LOG.log(Level.SEVERE, "Reported not alive: {0} threads are deadlocked", count);
        }
        return HealthCheckResponse.named("threads")
                .status(count == 0)
                .withData("deadlocked", count)
                .build();
    }
}
