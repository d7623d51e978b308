package org.mfaplatform.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.derby.drda.NetworkServerControl;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A Derby network server on loopback in the test process, up for the whole run on Derby ({@code
 * it.database=derby}). The test server reaches it through Derby's network client, and the tests
 * read and write the same database over JDBC, which embedded Derby, one process only, would not
 * allow. The database is in memory ({@code it.db.url}), so each run starts from an empty one.
 *
 * <p>It starts with the JUnit launcher session, before Arquillian starts the test server, for the
 * reason {@link MailServer} does. {@link DatabaseOutage} stops and restarts it: the in-memory
 * database outlives the network server, as a database on disk outlives a restart of its server.
 */
public class DerbyNetworkServer implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(DerbyNetworkServer.class.getName());

    private static final Duration START_PATIENCE = Duration.ofSeconds(30);

    /**
     * The server while it runs; {@code null} before the run, during an outage and after. A session
     * may be opened more than once in one JVM, and only the first starts the server.
     */
    private static NetworkServerControl running;

    /** Whether this run's test server uses Derby rather than PostgreSQL. */
    public static boolean isDatabaseOfThisRun() {
        return "derby".equals(System.getProperty("it.database"));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (isDatabaseOfThisRun()) {
            start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    /** Starts the network server unless it runs, and returns once it answers. */
    public static synchronized void start() {
        if (running != null) {
            return;
        }
        createLogDirectory();
        int port = Integer.getInteger("it.derby.port", 1627);
        try {
            NetworkServerControl server =
                    new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
            // No console writer: Derby logs to derby.log in derby.system.home (ear/pom.xml).
            server.start(null);
            awaitAnswer(server);
            running = server;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Derby network server", e);
        }
        LOG.log(Level.INFO, "Started the Derby network server on port {0}", Integer.toString(port));
    }

    /**
     * Stops the network server, which ends every client connection to it; the database it served
     * stays in this process's memory for the next {@link #start()}.
     */
    public static synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.shutdown();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Derby network server", e);
        }
        running = null;
        LOG.info("Stopped the Derby network server");
    }

    /** {@link NetworkServerControl#start} returns before the server listens. */
    private static void awaitAnswer(NetworkServerControl server) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (true) {
            try {
                server.ping();
                return;
            } catch (Exception notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "the Derby network server did not answer within " + START_PATIENCE,
                            notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void createLogDirectory() {
        String home = System.getProperty("derby.system.home");
        if (home == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
