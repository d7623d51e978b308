package org.mfaplatform.admin.users;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mfaplatform.admin.web.Format;
import org.mfaplatform.administration.boundary.UserDirectory;
import org.mfaplatform.administration.boundary.UserRow;
import org.mfaplatform.login.web.LoginSessions;
import org.mfaplatform.login.web.LoginState;

/**
 * The users list as CSV, with the same columns and filter as the page. Lies under /app, so only a
 * complete staff login reaches it.
 */
@WebServlet(UsersCsvServlet.PATH)
public class UsersCsvServlet extends HttpServlet {

    public static final String PATH = "/app/users.csv";

    static final String[] HEADER = {
        "Email",
        "Role",
        "Company",
        "MFA status",
        "Active since (UTC)",
        "Last used (UTC)",
        "Failed tokens",
        "Locked until (UTC)",
        "Account locked (UTC)"
    };

    private static final long serialVersionUID = 1L;

    @Inject transient UserDirectory directory;

    @Inject transient Format format;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<Long> staffId = LoginSessions.current(request).map(LoginState::accountId);
        if (staffId.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        List<UserRow> rows =
                directory.export(
                        staffId.get(),
                        UserFilter.query(
                                request.getParameter("status"), request.getParameter("q")));

        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"users-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        Writer writer = response.getWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer)) {
            for (UserRow row : rows) {
                csv.printRecord(
                        spreadsheetSafe(row.getEmail()),
                        row.getRole().name(),
                        spreadsheetSafe(row.getCompanyName()),
                        row.getStatus().name(),
                        format.utc(row.getActiveSince()),
                        format.utc(row.getLastUsed()),
                        row.getFailedTokens(),
                        format.utc(row.getLockedUntil()),
                        format.utc(row.getAccountLockedAt()));
            }
        }
    }

    /**
     * Spreadsheets run a cell that starts with one of these characters as a formula; a quote in
     * front keeps a crafted email or company name plain text when the export is opened.
     */
    static String spreadsheetSafe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
