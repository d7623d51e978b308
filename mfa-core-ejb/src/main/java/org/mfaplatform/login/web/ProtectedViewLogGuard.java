package org.mfaplatform.login.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the session's cross-site request token out of the log. Mojarra 4.0 (RestoreViewPhase) logs
 * at SEVERE "correctSecretKeyValue = <the session's jakarta.faces.Token>" whenever a protected view
 * is opened without its token, as by a typed address or a foreign site's link; whoever reads the
 * log could then forge the site's protected links for that session. This listener drops that one
 * record on Mojarra's lifecycle logger and notes the refusal at FINE instead, without a value; the
 * visitor still gets the expired page from web.xml. Registered in each web.xml.
 */
public class ProtectedViewLogGuard implements ServletContextListener {

    /** Mojarra's {@code FacesLogger.LIFECYCLE}. */
    static final String MOJARRA_LIFECYCLE_LOGGER =
            "jakarta.enterprise.resource.webcontainer.faces.lifecycle";

    private static final Logger LOG = Logger.getLogger(ProtectedViewLogGuard.class.getName());

    /** Held here so that the logger, and the filter set on it, outlive any collection. */
    private static final Logger MOJARRA_LIFECYCLE = Logger.getLogger(MOJARRA_LIFECYCLE_LOGGER);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        guard(MOJARRA_LIFECYCLE);
    }

    /** Sets the filter on {@code logger} once, keeping any filter set before it. */
    static synchronized void guard(Logger logger) {
        if (logger.getFilter() instanceof TokenRecordFilter) {
            return;
        }
        logger.setFilter(new TokenRecordFilter(logger.getFilter()));
    }

    /** Refuses the record that carries the token; every other goes on to the earlier filter. */
    private record TokenRecordFilter(Filter earlier) implements Filter {

        /** The start of the message Mojarra logs the token in, before its parameters are filled. */
        private static final String TOKEN_MESSAGE = "correctSecretKeyValue";

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.contains(TOKEN_MESSAGE)) {
                LOG.log(Level.FINE, "Refused a protected view opened without its token");
                return false;
            }
            return earlier == null || earlier.isLoggable(record);
        }
    }
}
