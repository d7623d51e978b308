package org.mfaplatform.login.web;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a form action that does not come by POST. Faces treats any request that carries a view
 * state as a postback and runs its actions, also a GET whose address holds the form fields; such an
 * address could sit in a link, a log or a browser history. Registered in each web.xml.
 */
public class PostOnlyActionsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())
                && request.getParameter(ResponseStateManager.VIEW_STATE_PARAM) != null) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }
}
