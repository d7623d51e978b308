package org.mfaplatform.it.web;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.login.web.LoginState;

/**
 * Test-only servlet that the tests add to each deployed web module, so that what the tests request
 * comes from the running applications and not from a list kept by hand.
 *
 * <ul>
 *   <li>{@code GET inventory}: every resource path of the module (recursively), every servlet and
 *       filter mapping, and the session timeout, one per line, tab separated.
 *   <li>{@code POST age?minutes=n}: moves the start of this session's login n minutes into the
 *       past, so a test reaches the absolute session lifetime without waiting for it.
 * </ul>
 */
@WebServlet(DeployedAppProbe.PATH + "/*")
public class DeployedAppProbe extends HttpServlet {

    static final String PATH = "/it-probe";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!"/inventory".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ServletContext context = request.getServletContext();
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        for (String path : resourcePaths(context, "/", new TreeSet<>())) {
            out.println("resource\t" + path);
        }
        for (ServletRegistration servlet : context.getServletRegistrations().values()) {
            for (String mapping : servlet.getMappings()) {
                out.println("servlet\t" + servlet.getName() + "\t" + mapping);
            }
        }
        for (FilterRegistration filter : context.getFilterRegistrations().values()) {
            for (String mapping : filter.getUrlPatternMappings()) {
                out.println("filter\t" + filter.getName() + "\t" + mapping);
            }
        }
        out.println("session-timeout\t" + context.getSessionTimeout());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (!"/age".equals(request.getPathInfo()) || session == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        LoginState state = LoginSessions.current(request).orElse(null);
        if (state == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }

        Duration age = Duration.ofMinutes(Long.parseLong(request.getParameter("minutes")));
        LoginState aged =
                new LoginState(
                        state.accountId(),
                        state.sessionGeneration(),
                        state.tokenVerified(),
                        state.passwordVerifiedAt().minus(age),
                        state.wrongTokens());
        // The attribute name LoginSessions uses; the probe is the only writer besides it.
        session.setAttribute(LoginState.class.getName(), aged);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static Set<String> resourcePaths(ServletContext context, String dir, Set<String> all) {
        Set<String> children = context.getResourcePaths(dir);
        if (children == null) {
            return all;
        }
        for (String child : children) {
            all.add(child);
            if (child.endsWith("/")) {
                resourcePaths(context, child, all);
            }
        }
        return all;
    }
}
