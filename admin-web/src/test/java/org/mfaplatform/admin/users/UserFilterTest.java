package org.mfaplatform.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mfaplatform.administration.boundary.MfaStatus;

/** The users page's filter as it travels in hand-editable URLs, and the CSV's cell guard. */
class UserFilterTest {

    @Test
    void knownStatusIsReadInAnyCase() {
        assertEquals(MfaStatus.ACTIVE, UserFilter.status("active"));
        assertEquals(MfaStatus.PENDING, UserFilter.status(" PENDING "));
    }

    @Test
    void unknownOrMissingStatusMeansNoFilter() {
        assertNull(UserFilter.status("bogus"));
        assertNull(UserFilter.status(""));
        assertNull(UserFilter.status(null));
    }

    @Test
    void pageNumberFallsBackToTheFirstPage() {
        assertEquals(3, UserFilter.pageNumber("3"));
        assertEquals(1, UserFilter.pageNumber("-4"));
        assertEquals(1, UserFilter.pageNumber("abc"));
        assertEquals(1, UserFilter.pageNumber("99999999999999"));
        assertEquals(1, UserFilter.pageNumber(null));
    }

    @Test
    void controlCharactersAreDroppedFromSearch() {
        assertEquals("123456", UserFilter.search("123\u0000456"));
        assertEquals("ann@example.com", UserFilter.search("\u001bann@example.com\r\n"));
    }

    @Test
    void overlongSearchIsCut() {
        assertEquals(UserFilter.MAX_SEARCH_LENGTH, UserFilter.search("a".repeat(10_000)).length());
        assertEquals("ann", UserFilter.search("  ann "));
    }

    @Test
    void queryStringEncodesTheSearchOnce() {
        assertEquals(
                "status=NONE&q=a%2Bb%40example.com",
                UserFilter.queryString(MfaStatus.NONE, "a+b@example.com"));
        assertEquals("", UserFilter.queryString(null, ""));
    }

    @Test
    void csvCellsThatSpreadsheetsWouldRunAsFormulasAreQuoted() {
        assertEquals("'=HYPERLINK(\"x\")", UsersCsvServlet.spreadsheetSafe("=HYPERLINK(\"x\")"));
        assertEquals("'+1@example.com", UsersCsvServlet.spreadsheetSafe("+1@example.com"));
        assertEquals("'-x@example.com", UsersCsvServlet.spreadsheetSafe("-x@example.com"));
        assertEquals("'@x", UsersCsvServlet.spreadsheetSafe("@x"));
        assertEquals("ann@example.com", UsersCsvServlet.spreadsheetSafe("ann@example.com"));
        assertEquals("", UsersCsvServlet.spreadsheetSafe(""));
    }
}
