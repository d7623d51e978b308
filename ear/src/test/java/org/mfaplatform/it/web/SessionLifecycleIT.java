package org.mfaplatform.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfaplatform.it.web.EnforcementGateIT.assertRedirect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.TestDatabase;

/**
 * The session of a login from its first page to its end, on both sites: cookie attributes, a new
 * session id after each login step, logout, the idle and absolute limits, and HTTPS only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLifecycleIT {

    private static final String DEVICE_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    /** Twelve hours and a minute, one past the default absolute lifetime. */
    private static final int PAST_LIFETIME_MINUTES = 12 * 60 + 1;

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ProbedDeployment.product();
    }

    /** Each site with the name of its session cookie. */
    private static Map<WebClient, String> sites() {
        return Map.of(
                WebClient.portal(), "MFA_PORTAL_SESSION",
                WebClient.adminSite(), "MFA_ADMIN_SESSION");
    }

    private static String role(String cookieName) {
        return cookieName.equals("MFA_PORTAL_SESSION") ? "USER" : "COMPANY_ADMIN";
    }

    @Test
    void sessionCookieIsHttpOnlySecureAndSameSiteLax() {
        sites().forEach(
                        (site, cookieName) -> {
                            HttpResponse<String> loginPage = site.get("/login.xhtml");

                            String setCookie =
                                    loginPage.headers().allValues("Set-Cookie").stream()
                                            .filter(value -> value.startsWith(cookieName + "="))
                                            .findFirst()
                                            .orElseThrow(
                                                    () ->
                                                            new AssertionError(
                                                                    "no session cookie from "
                                                                            + site.base()));
                            List<String> attributes =
                                    List.of(setCookie.toLowerCase(Locale.ROOT).split(";\\s*"));
                            assertTrue(attributes.contains("httponly"), setCookie);
                            assertTrue(attributes.contains("secure"), setCookie);
                            assertTrue(attributes.contains("samesite=lax"), setCookie);
                        });
    }

    @Test
    void sessionIdChangesAfterPasswordAndAgainAfterToken() {
        sites().forEach(
                        (site, cookieName) -> {
                            String email = accountWithDevice(role(cookieName));
                            site.get("/login.xhtml");
                            String beforeLogin = site.cookie(cookieName).orElseThrow();

                            assertRedirect(
                                    site,
                                    site.logIn(email, TestDatabase.DEMO_PASSWORD),
                                    "/token.xhtml");
                            String afterPassword = site.cookie(cookieName).orElseThrow();
                            assertRedirect(site, site.giveToken(token()), "/app/index.xhtml");
                            String afterToken = site.cookie(cookieName).orElseThrow();

                            assertNotEquals(beforeLogin, afterPassword, "new id after password");
                            assertNotEquals(afterPassword, afterToken, "new id after token");
                            assertEquals(200, site.get("/app/index.xhtml").statusCode());
                            for (String earlier : List.of(beforeLogin, afterPassword)) {
                                assertSessionUseless(site, cookieName, earlier);
                            }
                        });
    }

    @Test
    void loginFormRenderedBeforeTheLoginExpiresOnceItIsComplete() {
        sites().forEach(
                        (site, cookieName) -> {
                            String email = accountWithDevice(role(cookieName));
                            HttpResponse<String> earlierLoginPage = site.get("/login.xhtml");
                            site.logIn(email, TestDatabase.DEMO_PASSWORD);
                            assertRedirect(site, site.giveToken(token()), "/app/index.xhtml");

                            // As a second tab, or the back button to a page the browser kept.
                            HttpResponse<String> answer =
                                    site.submit(
                                            earlierLoginPage,
                                            "login-form",
                                            "submit",
                                            Map.of(
                                                    "email",
                                                    email,
                                                    "password",
                                                    TestDatabase.DEMO_PASSWORD));

                            assertEquals(400, answer.statusCode(), site.base());
                            assertTrue(answer.body().contains("Page expired"), site.base());
                            assertEquals(
                                    200,
                                    site.get("/app/index.xhtml").statusCode(),
                                    "the login goes on");
                        });
    }

    @Test
    void logoutEndsSessionAndItsCookieNoLongerWorks() {
        sites().forEach(
                        (site, cookieName) -> {
                            String email = TestDatabase.newAccount("OPTIONAL", role(cookieName));
                            assertRedirect(
                                    site,
                                    site.logIn(email, TestDatabase.DEMO_PASSWORD),
                                    "/app/index.xhtml");
                            HttpResponse<String> home = site.get("/app/index.xhtml");
                            assertEquals(200, home.statusCode(), "logged in");
                            String loggedIn = site.cookie(cookieName).orElseThrow();

                            HttpResponse<String> loggedOut =
                                    site.submit(home, "logout-form", "logout", Map.of());

                            assertEquals(302, loggedOut.statusCode(), "logout answers");
                            assertTrue(
                                    loggedOut
                                            .headers()
                                            .firstValue("Location")
                                            .orElseThrow()
                                            .contains("/login.xhtml"),
                                    "logout leads to the login page");
                            assertSessionUseless(site, cookieName, loggedIn);
                        });
    }

    @Test
    void busySessionEndsAtAbsoluteLifetime() {
        sites().forEach(
                        (site, cookieName) -> {
                            String email = accountWithDevice(role(cookieName));
                            site.logIn(email, TestDatabase.DEMO_PASSWORD);
                            assertRedirect(site, site.giveToken(token()), "/app/index.xhtml");

                            age(site, PAST_LIFETIME_MINUTES - 2);
                            assertEquals(
                                    200,
                                    site.get("/app/index.xhtml").statusCode(),
                                    "a login just under twelve hours old still counts");
                            age(site, 2);

                            assertRedirect(site, site.get("/app/index.xhtml"), "/login.xhtml");
                            assertRedirect(site, site.get("/app/index.xhtml"), "/login.xhtml");
                        });
    }

    @Test
    void eachSiteAnswersOnlyOnItsOwnPortsWhateverTheHostHeaderSays() throws Exception {
        int http = Integer.parseInt(System.getProperty("it.http.port"));
        int https = Integer.parseInt(System.getProperty("it.https.port"));
        int admin = Integer.parseInt(System.getProperty("it.admin.port"));
        String adminHost = "localhost:" + admin;
        String portalHost = "localhost:" + https;

        assertEquals(
                200,
                WebClient.statusWithHostHeader(true, admin, "/admin/login.xhtml", adminHost),
                "the admin site on its own port");
        assertEquals(
                200,
                WebClient.statusWithHostHeader(true, https, "/login.xhtml", portalHost),
                "the portal on its own port");
        assertEquals(
                404,
                WebClient.statusWithHostHeader(true, https, "/admin/login.xhtml", adminHost),
                "the admin site through the portal's HTTPS port");
        assertNotEquals(
                200,
                WebClient.statusWithHostHeader(false, http, "/admin/login.xhtml", adminHost),
                "the admin site through the portal's plain HTTP port");
        assertEquals(
                404,
                WebClient.statusWithHostHeader(true, admin, "/login.xhtml", portalHost),
                "the portal through the admin port");
    }

    @Test
    void completeLoginSetsNoCookieButTheSession() {
        sites().forEach(
                        (site, cookieName) -> {
                            String email = accountWithDevice(role(cookieName));
                            site.logIn(email, TestDatabase.DEMO_PASSWORD);
                            assertRedirect(site, site.giveToken(token()), "/app/index.xhtml");
                            assertEquals(200, site.get("/app/index.xhtml").statusCode());

                            assertTrue(site.cookie(cookieName).isPresent(), cookieName);
                            assertTrue(
                                    site.cookie("LtpaToken2").isEmpty(),
                                    "no single sign-on cookie, which would not be Secure");
                        });
    }

    @Test
    void pendingLoginExpiresFiveMinutesAfterItsPassword() {
        sites().forEach(
                        (site, cookieName) -> {
                            String email = accountWithDevice(role(cookieName));
                            assertRedirect(
                                    site,
                                    site.logIn(email, TestDatabase.DEMO_PASSWORD),
                                    "/token.xhtml");

                            age(site, 4);
                            assertEquals(
                                    200,
                                    site.get("/token.xhtml").statusCode(),
                                    "four minutes after the password the token is still asked");
                            age(site, 2);

                            assertRedirect(site, site.get("/token.xhtml"), "/login.xhtml");
                            assertRedirect(site, site.get("/app/index.xhtml"), "/login.xhtml");
                        });
    }

    @Test
    void idleSessionsEndAfterThirtyMinutes() {
        for (WebClient site : sites().keySet()) {
            assertEquals(30, Inventory.of(site).sessionTimeoutMinutes(), site.base());
        }
    }

    @Test
    void portalHttpPortOnlyRedirectsToHttpsWithoutSession() throws Exception {
        HttpClient plain =
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String http = "http://localhost:" + System.getProperty("it.http.port");
        String https = "https://localhost:" + System.getProperty("it.https.port");

        for (String path : List.of("/login.xhtml", "/app/index.xhtml", "/", "/token.xhtml")) {
            HttpResponse<String> answer =
                    plain.send(
                            HttpRequest.newBuilder(URI.create(http + path)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(302, answer.statusCode(), path);
            assertEquals(https + path, answer.headers().firstValue("Location").orElseThrow(), path);
            assertEquals(List.of(), answer.headers().allValues("Set-Cookie"), "no session");
            assertTrue(
                    answer.headers().firstValue("Strict-Transport-Security").isEmpty(),
                    "HSTS is for HTTPS answers only");
        }
    }

    private static String accountWithDevice(String role) {
        String email = TestDatabase.newAccount("OPTIONAL", role);
        TestDatabase.addActiveDevice(email, DEVICE_KEY);
        return email;
    }

    private static String token() {
        return Commands.totp(DEVICE_KEY, Instant.now());
    }

    /** Moves the start of the session's login into the past, through the deployed probe. */
    private static void age(WebClient site, int minutes) {
        HttpResponse<String> answer =
                site.post(DeployedAppProbe.PATH + "/age?minutes=" + minutes, Map.of());
        assertEquals(204, answer.statusCode(), "the probe aged the login");
    }

    /** A copied cookie of an ended or replaced session reaches nothing. */
    private static void assertSessionUseless(WebClient site, String cookieName, String value) {
        WebClient thief = new WebClient(site.base());
        thief.setCookie(cookieName, value);

        assertRedirect(site, thief.get("/app/index.xhtml"), "/login.xhtml");
    }
}
