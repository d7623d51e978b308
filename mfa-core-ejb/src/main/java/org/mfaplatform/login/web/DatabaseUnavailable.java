package org.mfaplatform.login.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The answer while the database cannot be reached: a 503 with a plain static page of the site, and
 * the fault itself only in the log. A static page, because rendering a Faces page may need the very
 * database that is gone.
 *
 * <p>We answer 503 rather than a page with status 200: it is the one 5xx the platform sends on
 * purpose, it tells monitors and proxies that the outage is temporary, and {@code Retry-After} says
 * when to try again.
 */
public final class DatabaseUnavailable {

    /** The plain page each web module keeps at this path. */
    public static final String PAGE = "/unavailable.html";

    private static final String RETRY_AFTER_SECONDS = "30";

    private static final String KEPT_FAILURE = DatabaseUnavailable.class.getName() + ".failure";

    /**
     * SQLSTATE classes of a lost or refused connection: 08 connection exception, 53 insufficient
     * resources, 57P operator intervention (shutdown, terminated backend, cannot connect now).
     */
    private static final Set<String> CONNECTION_STATE_PREFIXES = Set.of("08", "53", "57P");

    /** PostgreSQL's state for a database that does not take connections at the moment. */
    private static final String NOT_ACCEPTING_CONNECTIONS = "55000";

    private DatabaseUnavailable() {}

    /** Whether {@code failure} comes from a database that is down or refuses connections. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps a failure the mechanism met while a page called it, for {@link #rethrowIfKept}: the
     * container turns an exception from a mechanism into a plain failed login.
     */
    public static void keep(HttpServletRequest request, RuntimeException failure) {
        request.setAttribute(KEPT_FAILURE, failure);
    }

    /** Throws the failure {@link #keep} kept in this request, if any. */
    public static void rethrowIfKept(HttpServletRequest request) {
        if (request.getAttribute(KEPT_FAILURE) instanceof RuntimeException failure) {
            throw failure;
        }
    }

    /** Sends the plain page with status 503, unless the response is already on its way. */
    public static void send(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = page(request);
        try {
            response.getOutputStream().write(page);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(page, StandardCharsets.UTF_8));
        }
        response.flushBuffer();
    }

    private static byte[] page(HttpServletRequest request) {
        try (InputStream page = request.getServletContext().getResourceAsStream(PAGE)) {
            if (page == null) {
                return "<!DOCTYPE html><title>Unavailable</title><p>Temporarily unavailable."
                        .getBytes(StandardCharsets.UTF_8);
            }
            return page.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isConnectionState(String state) {
        if (state == null) {
            return false;
        }
        return state.equals(NOT_ACCEPTING_CONNECTIONS)
                || CONNECTION_STATE_PREFIXES.stream().anyMatch(state::startsWith);
    }

    /** The next cause, also through {@link SQLException#getNextException()} chains. */
    private static Throwable next(Throwable cause) {
        if (cause.getCause() != null) {
            return cause.getCause();
        }
        return cause instanceof SQLException sql ? sql.getNextException() : null;
    }
}
