package org.mfaplatform.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Document;
import org.mfaplatform.it.support.DatabaseSnapshot;
import org.mfaplatform.it.support.WebClient.Page;

/** What every answer to a bad request must be: plain, readable, and without side effects. */
final class Answers {

    /** Text a server shows only when it hands its insides to the visitor. */
    private static final List<String> STACK_TRACE_MARKERS =
            List.of(
                    "Exception",
                    "\tat ",
                    "at org.",
                    "at java.",
                    "at jakarta.",
                    "at com.",
                    "Caused by",
                    "SRVE",
                    "CWWK",
                    "EclipseLink",
                    "SQLState",
                    "PSQL",
                    "Error 500",
                    "Internal Server Error");

    /** Where the sites put a message for the visitor: field and global messages, notices. */
    private static final String MESSAGE_ELEMENTS =
            "#messages li, span.error, div.messages, #no-users, #user-not-found, .plain-error";

    private Answers() {}

    /**
     * Never a 5xx, never a stack trace, never the raw markup sent; a 4xx or a page with a message.
     */
    static void assertPlain(Page page, String what) {
        assertPlain(page, what, "");
    }

    /**
     * @param answers further elements that count as an answer on this page, as a CSS selector
     */
    static void assertPlain(Page page, String what, String answers) {
        String where = what + " -> " + page.status() + " " + page.uri();
        assertTrue(page.status() < 500, "no 5xx: " + where + "\n" + excerpt(page));
        for (String marker : STACK_TRACE_MARKERS) {
            assertFalse(
                    page.body().contains(marker),
                    "no '" + marker + "' in the page: " + where + "\n" + excerpt(page));
        }
        assertFalse(
                page.body().contains("<script>alert") || page.body().contains("<img src=x"),
                "markup from the request is escaped: " + where);
        if (page.status() >= 400) {
            return;
        }
        Document html = page.html();
        assertFalse(
                html.select(
                                answers.isEmpty()
                                        ? MESSAGE_ELEMENTS
                                        : MESSAGE_ELEMENTS + ", " + answers)
                        .isEmpty(),
                "a message tells what happened: " + where + "\n" + excerpt(page));
    }

    /** A download: never a 5xx or a stack trace, whatever its parameters. */
    static void assertPlainDownload(Page page, String what) {
        String where = what + " -> " + page.status() + " " + page.uri();
        assertTrue(page.status() < 500, "no 5xx: " + where + "\n" + excerpt(page));
        for (String marker : STACK_TRACE_MARKERS) {
            assertFalse(page.body().contains(marker), "no '" + marker + "': " + where);
        }
    }

    static void assertUnchanged(List<String> before, String what) {
        assertEquals(before, DatabaseSnapshot.take(), "database unchanged by " + what);
    }

    private static String excerpt(Page page) {
        String body = page.body();
        return body.length() > 3000 ? body.substring(0, 3000) + "..." : body;
    }
}
