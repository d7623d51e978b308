package org.mfaplatform.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.DatabaseOutage;
import org.mfaplatform.it.support.Metrics;

/**
 * /health as a load balancer probes it, and who may reach /health and /metrics: the portal's ports
 * only, /metrics only for the scrape user and only over HTTPS.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthEndpointsIT {

    /** Longer than the check's own limit, far shorter than a hang. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    @Test
    void readinessIsDownWhileDatabaseRefusesConnectionsAndUpOnceItIsBack() {
        assertStatus(portal("/health/ready"), 200, "UP", "ready with the database");

        HttpResponse<String> whileDown;
        HttpResponse<String> liveWhileDown;
        Duration took;
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            Instant start = Instant.now();
            whileDown = portal("/health/ready");
            took = Duration.between(start, Instant.now());
            liveWhileDown = portal("/health/live");
        }

        assertStatus(whileDown, 503, "DOWN", "not ready without the database");
        assertTrue(
                whileDown.body().contains("{\"name\":\"database\",\"status\":\"DOWN\""),
                "the database check is the one down: " + whileDown.body());
        assertTrue(took.compareTo(PROBE_LIMIT) < 0, "answered DOWN without hanging: " + took);
        assertStatus(liveWhileDown, 200, "UP", "alive without the database: no restart helps");
        assertStatus(portal("/health/ready"), 200, "UP", "ready again, without a restart");
    }

    @Test
    void healthReportsEachCheckOnceOnPortalPorts() {
        HttpResponse<String> all = portal("/health");
        HttpResponse<String> live = portal("/health/live");
        HttpResponse<String> overHttp =
                Metrics.get(
                        "http://localhost:" + System.getProperty("it.http.port") + "/health/ready",
                        null,
                        null);

        assertStatus(all, 200, "UP", "all checks");
        assertEquals(
                1, occurrences(all.body(), "\"name\":\"database\""), "one database check: " + all);
        assertEquals(
                1, occurrences(all.body(), "\"name\":\"threads\""), "one liveness check: " + all);
        assertStatus(live, 200, "UP", "liveness");
        assertTrue(live.body().contains("\"deadlocked\":0"), "no deadlock: " + live.body());
        assertStatus(overHttp, 200, "UP", "probes may use the portal's plain HTTP port");
    }

    @Test
    void adminPortServesNeitherHealthNorMetrics() {
        String admin = "https://localhost:" + System.getProperty("it.admin.port");
        for (String path : List.of("/health", "/health/ready", "/health/live", "/metrics")) {
            HttpResponse<String> answer = Metrics.get(admin + path, Metrics.USER, Metrics.PASSWORD);

            assertEquals(404, answer.statusCode(), "admin port, " + path + ": " + answer.body());
        }
    }

    @Test
    void metricsNeedScrapeUserOverHttps() {
        String metrics = System.getProperty("it.base.url") + "/metrics";
        HttpResponse<String> anonymous = Metrics.get(metrics, null, null);
        HttpResponse<String> wrongPassword = Metrics.get(metrics, Metrics.USER, "wrong");
        HttpResponse<String> scraper = Metrics.get(metrics, Metrics.USER, Metrics.PASSWORD);
        HttpResponse<String> plainHttp =
                Metrics.get(
                        "http://localhost:" + System.getProperty("it.http.port") + "/metrics",
                        null,
                        null);

        assertEquals(401, anonymous.statusCode(), "no login: " + anonymous.body());
        assertEquals(401, wrongPassword.statusCode(), "wrong password: " + wrongPassword.body());
        assertEquals(200, scraper.statusCode(), "the scrape user: " + scraper.body());
        assertTrue(scraper.body().contains("mfa_logins_total"), "the application's counters");
        assertEquals(302, plainHttp.statusCode(), "plain HTTP is sent away: " + plainHttp.body());
        assertTrue(
                plainHttp.headers().firstValue("Location").orElse("").startsWith("https://"),
                "to HTTPS, before any password is sent: " + plainHttp.headers().map());
    }

    private static HttpResponse<String> portal(String path) {
        return Metrics.get(System.getProperty("it.base.url") + path, null, null);
    }

    private static void assertStatus(
            HttpResponse<String> answer, int status, String health, String what) {
        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertTrue(
                answer.body().startsWith("{\"status\":\"" + health + "\""),
                what + ", overall " + health + ": " + answer.body());
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
