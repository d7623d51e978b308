package org.mfaplatform.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.DatabaseOutage;
import org.mfaplatform.it.support.TestDatabase;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;

/**
 * The database goes away while people use both sites, and comes back. Meanwhile every page is the
 * plain "temporarily unavailable" page with status 503, the one 5xx sent on purpose (see {@code
 * DatabaseUnavailable}); afterwards the same sessions and new logins work on the same server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    @Test
    void pagesShowPlainUnavailablePageWhileDatabaseIsDownAndRecoverWithoutRestart() {
        String user = TestDatabase.newUser("OPTIONAL");
        WebClient portal = Forms.portal();
        Forms.logIn(portal, user);
        WebClient admin = Forms.admin();
        Forms.logIn(admin, TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN"));
        WebClient newcomer = Forms.portal();
        Page login = newcomer.get("/login.xhtml");

        List<Page> whileDown = new ArrayList<>();
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            whileDown.add(
                    newcomer.submit(
                            login,
                            "login-form",
                            "login-form:submit",
                            Map.of(
                                    "login-form:email",
                                    user,
                                    "login-form:password",
                                    TestDatabase.DEMO_PASSWORD)));
            whileDown.add(portal.get("/app/settings.xhtml"));
            whileDown.add(admin.get("/app/users.xhtml"));
            whileDown.add(admin.get("/app/policy.xhtml"));
        }

        for (Page page : whileDown) {
            assertUnavailablePage(page);
        }
        Page settings = portal.open("/app/settings.xhtml");
        assertEquals(200, settings.status(), "the same session goes on: " + settings.text());
        assertTrue(settings.text().contains("MFA Device"), settings.text());
        Page users = admin.get("/app/users.xhtml");
        assertEquals(200, users.status(), "the admin session goes on: " + users.text());
        assertTrue(users.html().getElementById("users") != null, users.text());
        Page loggedIn = Forms.logIn(Forms.portal(), user);
        assertEquals("/app/index.xhtml", loggedIn.path(), "a new login works: " + loggedIn.text());
    }

    @Test
    void connectionsCutWhileIdleAreReplacedWithoutErrorPage() {
        WebClient portal = Forms.portal();
        Forms.logIn(portal, TestDatabase.newUser("OPTIONAL"));

        DatabaseOutage.cutConnections();
        Page settings = portal.open("/app/settings.xhtml");

        assertEquals(
                200,
                settings.status(),
                "pooled connections ended by a database restart are not handed out: "
                        + settings.text());
        assertTrue(settings.text().contains("MFA Device"), settings.text());
    }

    /**
     * A crash between Setup and Next: the key shown was never confirmed. The device stays pending,
     * the login does not ask for it, and after the setup time the old QR code no longer activates.
     */
    @Test
    void setupInterruptedBeforeNextLeavesOnlyPendingDeviceThatIsIgnoredAndExpires() {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient portal = Forms.portal();
        Forms.logIn(portal, email);
        Page setup = Forms.startSetup(portal);
        String secret = setup.html().getElementById("manual-key").text().replace(" ", "");

        Page next;
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            next =
                    portal.submit(
                            setup,
                            "setup-form",
                            "setup-form:next",
                            Map.of("setup-form:token", Commands.totp(secret, Instant.now())));
        }

        assertUnavailablePage(next);
        assertEquals("PENDING", deviceStatusOf(email), "no half-made device became active");
        Page login = Forms.logIn(Forms.portal(), email);
        assertEquals(
                "/app/index.xhtml", login.path(), "a pending device is not asked for at login");

        ageDeviceOf(email, 11);
        Page late =
                portal.submit(
                        setup,
                        "setup-form",
                        "setup-form:next",
                        Map.of("setup-form:token", Commands.totp(secret, Instant.now())));
        Answers.assertPlain(late, "Next after the setup expired");
        assertTrue(late.text().contains("This setup has expired"), late.text());
        assertEquals("PENDING", deviceStatusOf(email), "an expired setup never activates");
        assertTrue(
                portal.open("/app/settings.xhtml").text().contains("Not set up"),
                "an expired setup shows as no device");
    }

    private static void assertUnavailablePage(Page page) {
        String where = page.uri() + " " + page.status();
        assertEquals(503, page.status(), "temporarily unavailable: " + where + " " + page.body());
        assertTrue(page.text().contains("Temporarily unavailable"), where + " " + page.text());
        for (String marker : List.of("Exception", "at org.", "at java.", "SQL", "CWWK")) {
            assertTrue(!page.body().contains(marker), "no '" + marker + "' on " + where);
        }
    }

    private static String deviceStatusOf(String email) {
        try (Connection db = connect();
                PreparedStatement select =
                        db.prepareStatement(
                                "SELECT d.status FROM mfa_device d JOIN account a"
                                        + " ON a.id = d.account_id WHERE a.email = ?")) {
            select.setString(1, email);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? found.getString(1) : "NONE";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Dates the device's setup {@code minutes} back from now, instead of waiting for it; the time
     * is computed here, as date arithmetic in SQL differs between the databases.
     */
    private static void ageDeviceOf(String email, int minutes) {
        try (Connection db = connect();
                PreparedStatement update =
                        db.prepareStatement(
                                "UPDATE mfa_device SET created_at = ? WHERE account_id ="
                                        + " (SELECT id FROM account WHERE email = ?)")) {
            update.setTimestamp(
                    1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(minutes))));
            update.setString(2, email);
            assertEquals(1, update.executeUpdate(), "one device aged");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("it.db.url"), System.getProperty("it.db.user"), "");
    }
}
