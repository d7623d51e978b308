package org.mfaplatform.admin.setup;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.login.web.LoginState;

/**
 * The QR code of the caller's pending setup. It carries the shared secret, so no cache may keep it.
 * It lies outside /app because the mandatory setup page needs it before the login is complete; it
 * only ever shows the pending setup of the session's own account.
 */
@WebServlet("/mfa-qr.png")
public class QrCodeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject transient Enrollment enrollment;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<Long> accountId = LoginSessions.current(request).map(LoginState::accountId);
        Optional<byte[]> png = accountId.flatMap(enrollment::pendingQrCode);
        if (png.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }

        response.setContentType("image/png");
        response.setContentLength(png.get().length);
        response.getOutputStream().write(png.get());
    }
}
