package org.mfaplatform.login.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that keep the pages out of frames, block inline script, keep browsers on HTTPS and stop
 * caching of pages that show keys. The pages use no inline script or style, so a strict policy
 * costs nothing. Registered in each web.xml, since annotations are only scanned inside the web
 * modules.
 */
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self'; script-src 'self'; style-src 'self';"
                        + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            // Only an HTTPS answer counts for browsers (RFC 6797 section 8.1); a year, as the
            // HSTS preload list asks.
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!request.getRequestURI()
                .startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
