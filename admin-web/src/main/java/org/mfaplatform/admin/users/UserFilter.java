package org.mfaplatform.admin.users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mfaplatform.administration.boundary.MfaStatus;
import org.mfaplatform.administration.boundary.UserQuery;

/**
 * The users page's filter as it travels in URLs, shared by the page and the CSV export so both
 * always show the same users. Unknown values mean "no filter" rather than an error: they come from
 * hand-edited addresses, never from the page.
 */
final class UserFilter {

    static final int MAX_SEARCH_LENGTH = 254;

    private UserFilter() {}

    static MfaStatus status(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        try {
            return MfaStatus.valueOf(parameter.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static String search(String parameter) {
        if (parameter == null) {
            return "";
        }
        // Control characters cannot be in an email, and PostgreSQL refuses a NUL in any text.
        String stripped = parameter.replaceAll("\\p{Cntrl}", "").strip();
        return stripped.length() > MAX_SEARCH_LENGTH
                ? stripped.substring(0, MAX_SEARCH_LENGTH)
                : stripped;
    }

    static UserQuery query(String status, String search) {
        return new UserQuery(status(status), search(search));
    }

    static int pageNumber(String parameter) {
        try {
            return Math.max(1, Integer.parseInt(parameter == null ? "1" : parameter.strip()));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    /** The query string for these filter values, without a leading {@code ?}. */
    static String queryString(MfaStatus status, String search) {
        StringBuilder query = new StringBuilder();
        if (status != null) {
            query.append("status=").append(status.name());
        }
        if (search != null && !search.isEmpty()) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append("q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
