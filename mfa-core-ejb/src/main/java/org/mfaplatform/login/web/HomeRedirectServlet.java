package org.mfaplatform.login.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a site's root address with a redirect to its home page. A welcome file would be served by
 * an internal forward, which the security constraint on /app never sees, so the home page would
 * render for a login that is only half done. Registered in each web.xml for the empty pattern, the
 * context root alone.
 */
public class HomeRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String HOME_PAGE = "/app/index.xhtml";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.sendRedirect(request.getContextPath() + HOME_PAGE);
    }
}
