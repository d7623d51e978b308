package org.mfaplatform.login.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Answers 405 to every method but GET, HEAD and POST. The Faces servlet would otherwise render a
 * page for a PUT or DELETE as if it were a GET, which hides a broken client behind a 200.
 * Registered in each web.xml, like the security headers.
 */
public class AllowedMethodsFilter extends HttpFilter {

    private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST");

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!ALLOWED.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", ALLOWED));
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }
}
