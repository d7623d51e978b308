package org.mfaplatform.login.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers 404 to a Faces address with no page behind it before the Faces servlet starts on it. Left
 * to Faces, the 404 is sent from inside its lifecycle; Liberty renders the not-found page, itself a
 * Faces page, within that call, and the end of that inner request releases the FacesContext the
 * outer one still works with: a NullPointerException ("context is null"), then "Response already
 * committed", some 240 lines of stack trace and FFDC files for every mistyped address. Registered
 * in each web.xml for {@code *.xhtml}, after the method check.
 */
public class MissingPageFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(MissingPageFilter.class.getName());

    /** Faces resources (style sheets, scripts) are served by the Faces servlet, not from files. */
    private static final String RESOURCE_PREFIX = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String page = request.getServletPath();
        if (page.startsWith(RESOURCE_PREFIX) || exists(request.getServletContext(), page)) {
            chain.doFilter(request, response);
            return;
        }

        LOG.log(Level.FINE, "Answered 404 for a missing page");
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** Whether the web module holds the page, in its root or a library's META-INF/resources. */
    private static boolean exists(ServletContext module, String page) {
        try {
            return !page.isEmpty() && module.getResource(page) != null;
        } catch (MalformedURLException unusable) {
            return false;
        }
    }
}
