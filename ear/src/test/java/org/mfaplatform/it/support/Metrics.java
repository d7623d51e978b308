package org.mfaplatform.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Reads the test server's /metrics as a monitoring system's scraper would: over HTTPS on the
 * portal's port, with HTTP Basic as the scrape user the test server configures.
 */
public final class Metrics {

    /** The test server's scrape user and password (liberty-config, test server.xml). */
    public static final String USER = "metrics";

    public static final String PASSWORD = "it-metrics-only";

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(TestCertificate.trusted())
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();

    private Metrics() {}

    /** The application's counters as they stand now. */
    public static PrometheusText application() {
        HttpResponse<String> response =
                get(
                        System.getProperty("it.base.url") + "/metrics?scope=application",
                        USER,
                        PASSWORD);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return PrometheusText.parse(response.body());
    }

    /** A GET without following redirects, with HTTP Basic when {@code user} is not null. */
    public static HttpResponse<String> get(String url, String user, String password) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            String pair = user + ":" + password;
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(
                    request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
