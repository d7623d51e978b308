package org.mfaplatform.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.it.support.TestCertificate;

/**
 * One server of the two-node test. The build assembles it under the runtime's {@code usr/servers}
 * (ear/pom.xml: the product's configuration, the node's bootstrap.properties, the EAR); the test
 * starts and stops it with the runtime's own {@code server} command, as an operator would.
 */
final class LibertyNode {

    private static final Logger LOG = Logger.getLogger(LibertyNode.class.getName());

    /** A cold start on a busy shared machine has taken over two minutes. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(5);

    private static final Duration COMMAND_PATIENCE = Duration.ofMinutes(3);

    /** The application failed to start: no point waiting for its pages. */
    private static final String APPLICATION_FAILED = "CWWKZ0002E";

    private final String name;
    private final int httpsPort;
    private final Path wlpHome;

    LibertyNode(String name, int httpsPort) {
        this.name = name;
        this.httpsPort = httpsPort;
        this.wlpHome = Path.of(System.getProperty("wlp.home"));
    }

    String name() {
        return name;
    }

    /** The portal's address on this node, without a trailing slash. */
    String portalUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** Starts the server and returns once its portal answers the login page. */
    void start() {
        int exit = run("start");
        if (exit != 0) {
            throw new IllegalStateException(
                    "server start " + name + " exited with " + exit + "\n" + logTail());
        }
        awaitPortal();
    }

    /** Stops the server; one that is not running is left as it is. */
    void stop() {
        int exit = run("stop");
        if (exit != 0) {
            LOG.log(Level.WARNING, "server stop {0} exited with {1}", new Object[] {name, exit});
        }
    }

    /**
     * Lines of the server's log that say a session could not be written or read: an attribute that
     * is not serializable, or a failing session store. Such a failure does not fail the request
     * that caused it, only the next request on the other node.
     */
    List<String> sessionStoreFailures() {
        return logLines().stream()
                .filter(
                        line ->
                                line.contains("NotSerializableException")
                                        || line.contains("InvalidClassException")
                                        || line.matches(".* E SESN\\d+E.*"))
                .toList();
    }

    private int run(String action) {
        Path output = wlpHome.resolve("usr/servers/" + name + "-" + action + ".out");
        ProcessBuilder command =
                new ProcessBuilder(wlpHome.resolve("bin/server").toString(), action, name)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        // The same JDK as the tests, whatever the machine's default.
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = command.start();
            if (!process.waitFor(COMMAND_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " " + name + " hung");
            }
            LOG.log(
                    Level.INFO,
                    "server {0} {1}: {2}",
                    new Object[] {action, name, Files.readString(output).strip()});
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("could not run server " + action + " " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running server " + action, e);
        }
    }

    private void awaitPortal() {
        HttpClient http =
                HttpClient.newBuilder()
                        .sslContext(TestCertificate.trusted())
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        HttpRequest loginPage =
                HttpRequest.newBuilder(URI.create(portalUrl() + "/login.xhtml"))
                        .timeout(Duration.ofSeconds(30))
                        .build();
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (logLines().stream().anyMatch(line -> line.contains(APPLICATION_FAILED))) {
                throw new IllegalStateException(
                        "the application failed to start on " + name + "\n" + logTail());
            }
            try {
                if (http.send(loginPage, HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The HTTPS port opens after the keystore exists; keep waiting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(
                name + " did not answer within " + START_PATIENCE + "\n" + logTail());
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private List<String> logLines() {
        Path log = wlpHome.resolve("usr/servers/" + name + "/logs/messages.log");
        try {
            return Files.exists(log)
                    ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList()
                    : List.of();
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + log, e);
        }
    }

    private String logTail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
