package org.mfaplatform.login.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a page that failed because the database is down into the plain 503 page; every other
 * failure goes on to the site's error page. Registered in each web.xml, like the security headers.
 */
public class DatabaseUnavailableFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!DatabaseUnavailable.isCause(failure)) {
                throw failure;
            }
            LOG.log(
                    Level.SEVERE,
                    "Answered 503 for " + request.getRequestURI() + ": database unavailable",
                    failure);
            DatabaseUnavailable.send(request, response);
        }
    }
}
