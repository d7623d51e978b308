package org.mfaplatform.operations.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts {@link SecurityEvent}s in the application's metric registry, which the server shows at
 * /metrics. An event fired inside a transaction counts only once that transaction has committed, so
 * an act rolled back (a database failure halfway, say) is not counted; outside a transaction, as in
 * the login mechanism, it counts at once.
 *
 * <p>Every counter is registered when the application starts, at zero, so a scraper sees each
 * series from the start and a rate over it is defined before its first event.
 */
@ApplicationScoped
public class SecurityCounters {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (SecurityEvent event : SecurityEvent.values()) {
            counterOf(event);
        }
    }

    void countAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
        counterOf(event).inc();
    }

    /** The registry gives the counter registered under the same name and tag, or makes it. */
    private Counter counterOf(SecurityEvent event) {
        Metadata metadata =
                Metadata.builder()
                        .withName(event.counter.metricName)
                        .withDescription(event.counter.description)
                        .build();
        return event.tagName == null
                ? registry.counter(metadata)
                : registry.counter(metadata, new Tag(event.tagName, event.tagValue));
    }
}
