package org.mfaplatform.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.TestDatabase;

/**
 * The one enforcement gate, proven over every path both deployed sites answer: the paths come from
 * the running modules ({@link DeployedAppProbe}), each is requested by GET and by POST, and a login
 * that is only half done reaches nothing but the pages its next step needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnforcementGateIT {

    /** An RFC 4648 Base32 key of 20 bytes, as the platform generates them. */
    private static final String DEVICE_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /** What any visitor, logged in or not, may read; none of it shows account data. */
    private static final Map<String, String> ALWAYS_OPEN =
            Map.of(
                    "/login.xhtml", "the password step, where any login starts again",
                    "/error.xhtml", "error page, no account data",
                    "/not-found.xhtml", "error page for unknown addresses, no account data",
                    "/expired.xhtml", "error page for an outdated form, no account data",
                    "/unavailable.html", "static page shown while the database is down");

    /** Open while a token is owed: the token page, whose Cancel button is the logout. */
    private static final Map<String, String> OPEN_WHILE_TOKEN_OWED =
            Map.of("/token.xhtml", "the token step itself, with Cancel as logout");

    /** Open while a setup is required: the setup page and the QR code it shows. */
    private static final Map<String, String> OPEN_WHILE_SETUP_REQUIRED =
            Map.of(
                    "/setup-required.xhtml", "the mandatory setup itself, with Cancel as logout",
                    "/mfa-qr.png", "the QR code of the mandatory setup");

    /** Open while a temporary password from staff must be replaced: the page that replaces it. */
    private static final Map<String, String> OPEN_WHILE_PASSWORD_OWED =
            Map.of("/password-required.xhtml", "the new password itself, with Cancel as logout");

    /** Static files every page needs, the login and setup pages included. */
    private static final Map<String, String> STATIC_PREFIXES =
            Map.of(
                    "/resources/", "style sheets",
                    "/jakarta.faces.resource/", "style sheets, as Faces serves them",
                    "/jakarta.faces/", "the script library of Faces itself");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ProbedDeployment.product();
    }

    @Test
    void portalPasswordWithoutTokenReachesOnlyTokenStep() {
        WebClient portal = WebClient.portal();
        String email = loginOwingToken(portal, "USER");

        assertNothingBeyond(portal, OPEN_WHILE_TOKEN_OWED, "/token.xhtml");
        assertTokenCompletesLogin(portal, email);
    }

    @Test
    void adminSitePasswordWithoutTokenReachesOnlyTokenStep() {
        WebClient admin = WebClient.adminSite();
        String email = loginOwingToken(admin, "COMPANY_ADMIN");

        assertNothingBeyond(admin, OPEN_WHILE_TOKEN_OWED, "/token.xhtml");
        assertTokenCompletesLogin(admin, email);
    }

    @Test
    void portalRequiredPolicyWithoutDeviceReachesOnlySetup() {
        WebClient portal = WebClient.portal();
        loginOwingSetup(portal, "USER");

        assertNothingBeyond(portal, OPEN_WHILE_SETUP_REQUIRED, "/setup-required.xhtml");
    }

    @Test
    void adminSiteRequiredPolicyWithoutDeviceReachesOnlySetup() {
        WebClient admin = WebClient.adminSite();
        loginOwingSetup(admin, "COMPANY_ADMIN");

        assertNothingBeyond(admin, OPEN_WHILE_SETUP_REQUIRED, "/setup-required.xhtml");
    }

    @Test
    void portalTemporaryPasswordReachesOnlyPasswordChange() {
        WebClient portal = WebClient.portal();
        // Required policy and no device: the setup is owed too, but the password comes first.
        String email = TestDatabase.newAccount("REQUIRED", "USER");
        TestDatabase.requirePasswordChange(email);

        assertRedirect(
                portal,
                portal.logIn(email, TestDatabase.DEMO_PASSWORD),
                "/password-required.xhtml");
        assertNothingBeyond(portal, OPEN_WHILE_PASSWORD_OWED, "/password-required.xhtml");
    }

    @Test
    void adminSiteRefusesTemporaryPasswordUntilReplacedOnPortal() {
        WebClient admin = WebClient.adminSite();
        String email = TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN");
        TestDatabase.requirePasswordChange(email);

        HttpResponse<String> refused = admin.logIn(email, TestDatabase.DEMO_PASSWORD);
        HttpResponse<String> wrongPassword = WebClient.adminSite().logIn(email, "wrong password");

        assertEquals(wrongPassword.statusCode(), refused.statusCode(), "the login page again");
        assertTrue(refused.body().contains("in the user portal first"), refused.body());
        assertNothingBeyond(admin, Map.of(), "/login.xhtml");
    }

    @Test
    void bothSitesAnswerMoreThanTheirPagesSoTheGateCoversServletsAndResources() {
        for (WebClient site : List.of(WebClient.portal(), WebClient.adminSite())) {
            Set<String> paths = Inventory.of(site).paths();

            assertTrue(paths.contains("/app/index.xhtml"), site.base() + ": " + paths);
            assertTrue(paths.contains("/mfa-qr.png"), "servlet mappings are enumerated: " + paths);
            assertTrue(
                    paths.stream().anyMatch(path -> path.startsWith("/WEB-INF/")),
                    "module internals are enumerated too: " + paths);
        }
    }

    @Test
    void everyPageOfBothSitesCarriesSecurityHeaders() {
        Map<WebClient, String> roles =
                Map.of(WebClient.portal(), "USER", WebClient.adminSite(), "COMPANY_ADMIN");
        roles.forEach(
                (site, role) -> {
                    String email = TestDatabase.newAccount("OPTIONAL", role);
                    assertRedirect(
                            site,
                            site.logIn(email, TestDatabase.DEMO_PASSWORD),
                            "/app/index.xhtml");

                    int pages = 0;
                    for (String path : Inventory.of(site).paths()) {
                        HttpResponse<String> answer = site.get(path);
                        assertTrue(
                                answer.statusCode() < 500,
                                "GET " + path + " answered " + answer.statusCode());
                        if (answer.statusCode() / 100 != 3) {
                            assertSecurityHeaders(answer);
                            pages++;
                        }
                    }
                    assertTrue(pages > 10, "pages checked on " + site.base() + ": " + pages);
                });
    }

    @Test
    void loginTokenAndSetupPagesAreNeverCached() {
        for (WebClient site : List.of(WebClient.portal(), WebClient.adminSite())) {
            assertNotCached(site.get("/login.xhtml"));
        }

        WebClient owingToken = WebClient.portal();
        loginOwingToken(owingToken, "USER");
        assertNotCached(owingToken.get("/token.xhtml"));

        WebClient owingSetup = WebClient.adminSite();
        loginOwingSetup(owingSetup, "COMPANY_ADMIN");
        HttpResponse<String> setupPage = owingSetup.get("/setup-required.xhtml");
        assertNotCached(setupPage);
        HttpResponse<String> withQrCode =
                owingSetup.submit(setupPage, "setup-start-form", "setup", Map.of());
        assertEquals(200, withQrCode.statusCode(), "setup started");
        HttpResponse<String> qrCode = owingSetup.get("/mfa-qr.png");
        assertEquals(200, qrCode.statusCode(), "the QR code of the started setup");
        assertNotCached(qrCode);
    }

    @Test
    void settingsOpenOnlyThroughSiteLinkAndTheirActionsOnlyByPost() {
        WebClient portal = WebClient.portal();
        String email = TestDatabase.newAccount("OPTIONAL", "USER");
        assertRedirect(portal, portal.logIn(email, TestDatabase.DEMO_PASSWORD), "/app/index.xhtml");

        HttpResponse<String> typed = portal.get("/app/settings.xhtml");
        assertEquals(400, typed.statusCode(), "a typed or foreign address opens no Settings");
        assertFalse(typed.body().contains("setup-start-form"), typed.body());

        HttpResponse<String> home = portal.get("/app/index.xhtml");
        String link =
                Jsoup.parse(home.body(), home.uri().toString())
                        .getElementById("settings-link")
                        .absUrl("href");
        HttpResponse<String> settings = portal.open(link);
        assertEquals(200, settings.statusCode(), "the menu's link carries the token");
        assertTrue(settings.body().contains("setup-start-form"), "Settings with Setup");

        String setupByGet = WebClient.query(settings, "setup-start-form", "setup", Map.of());
        assertEquals(
                405,
                portal.get("/app/settings.xhtml?" + setupByGet).statusCode(),
                "the Setup action sent by GET");
        HttpResponse<String> forged =
                portal.post(
                        "/app/settings.xhtml",
                        Map.of(
                                "setup-start-form", "setup-start-form",
                                "setup-start-form:setup", "pressed",
                                "jakarta.faces.ViewState", "forged"));
        assertEquals(400, forged.statusCode(), "a foreign form is refused");
        assertFalse(forged.body().contains("qr-code"), "and starts no setup");

        HttpResponse<String> byPost =
                portal.submit(settings, "setup-start-form", "setup", Map.of());
        assertEquals(200, byPost.statusCode());
        assertTrue(byPost.body().contains("qr-code"), "the same action by POST starts the setup");
    }

    private static void assertSecurityHeaders(HttpResponse<String> answer) {
        String what = answer.statusCode() + " " + answer.uri();
        String policy = header(answer, "Content-Security-Policy");
        assertTrue(policy.contains("frame-ancestors 'none'"), what + ": " + policy);
        assertTrue(policy.contains("script-src 'self'"), what + ": " + policy);
        assertFalse(policy.contains("unsafe-inline"), what + ": " + policy);
        assertFalse(policy.contains("unsafe-eval"), what + ": " + policy);
        assertEquals("no-referrer", header(answer, "Referrer-Policy"), what);
        assertEquals("nosniff", header(answer, "X-Content-Type-Options"), what);
        assertTrue(
                header(answer, "Strict-Transport-Security").matches("max-age=[1-9][0-9]{6,}.*"),
                what + " is HTTPS, so it carries HSTS");
        if (header(answer, "Content-Type").startsWith("text/html")) {
            assertNoInlineScript(answer);
        }
    }

    /** The policy forbids inline script, so a page that had some would break; none has any. */
    private static void assertNoInlineScript(HttpResponse<String> answer) {
        Document page = Jsoup.parse(answer.body());
        for (Element script : page.select("script")) {
            assertTrue(script.hasAttr("src"), "inline script on " + answer.uri() + ": " + script);
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(
                        attribute.getKey().startsWith("on"),
                        "inline handler on " + answer.uri() + ": " + element);
            }
        }
    }

    private static void assertNotCached(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.uri().toString());
        assertTrue(
                header(answer, "Cache-Control").contains("no-store"),
                answer.uri() + ": " + header(answer, "Cache-Control"));
    }

    private static String header(HttpResponse<String> answer, String name) {
        return answer.headers().firstValue(name).orElse("");
    }

    private static String loginOwingToken(WebClient site, String role) {
        String email = TestDatabase.newAccount("OPTIONAL", role);
        TestDatabase.addActiveDevice(email, DEVICE_KEY);
        assertRedirect(site, site.logIn(email, TestDatabase.DEMO_PASSWORD), "/token.xhtml");
        return email;
    }

    private static void loginOwingSetup(WebClient site, String role) {
        String email = TestDatabase.newAccount("REQUIRED", role);
        assertRedirect(
                site, site.logIn(email, TestDatabase.DEMO_PASSWORD), "/setup-required.xhtml");
    }

    /**
     * Requests every enumerated path by GET and POST and asserts that only the named pages answer
     * with content; every other path ends, after its redirects, on {@code nextStep} or the login
     * page, or refuses with a 4xx status. No answer is a server error.
     */
    private static void assertNothingBeyond(
            WebClient site, Map<String, String> openForThisStep, String nextStep) {
        List<String> leaks = new ArrayList<>();
        for (String path : Inventory.of(site).paths()) {
            Optional<String> reason = whyOpen(path, openForThisStep);
            for (HttpResponse<String> answer : List.of(site.get(path), site.post(path, Map.of()))) {
                String request = answer.request().method() + " " + path;
                assertTrue(
                        answer.statusCode() < 500,
                        request + " answered " + answer.statusCode() + ": " + answer.body());
                if (reason.isEmpty() && !refusedOrSentOn(site, answer, nextStep)) {
                    leaks.add(request + " answered " + answer.statusCode());
                }
            }
        }
        assertEquals(List.of(), leaks, "reachable before the login is complete on " + site.base());
    }

    private static Optional<String> whyOpen(String path, Map<String, String> openForThisStep) {
        if (!path.endsWith("/")) {
            for (Map.Entry<String, String> files : STATIC_PREFIXES.entrySet()) {
                if (path.startsWith(files.getKey())) {
                    return Optional.of(files.getValue());
                }
            }
        }
        return Optional.ofNullable(openForThisStep.get(path))
                .or(() -> Optional.ofNullable(ALWAYS_OPEN.get(path)));
    }

    /**
     * Whether an answer, after the redirects it leads through, refuses with a 4xx status or ends on
     * the next step or the login page.
     */
    private static boolean refusedOrSentOn(
            WebClient site, HttpResponse<String> answer, String nextStep) {
        HttpResponse<String> last = answer;
        for (int hop = 0; hop < 5 && last.statusCode() / 100 == 3; hop++) {
            last = site.follow(last);
        }
        String contextPath = URI.create(site.base()).getPath();
        String path = last.uri().getPath();
        return last.statusCode() >= 400
                || last.statusCode() == 200
                        && (path.equals(contextPath + nextStep)
                                || path.equals(contextPath + "/login.xhtml"));
    }

    /** The control: after the token the same session reaches the pages the gate kept closed. */
    private static void assertTokenCompletesLogin(WebClient site, String email) {
        String token = Commands.totp(DEVICE_KEY, Instant.now());
        assertRedirect(site, site.giveToken(token), "/app/index.xhtml");

        HttpResponse<String> home = site.get("/app/index.xhtml");
        assertEquals(200, home.statusCode(), "home page after the token");
        assertTrue(home.body().contains(email), "home page names the caller");
        assertFalse(home.body().contains("token-form"), "no token asked any more");
    }

    static void assertRedirect(WebClient site, HttpResponse<String> answer, String page) {
        String contextPath = URI.create(site.base()).getPath();
        assertEquals(
                302,
                answer.statusCode(),
                answer.request().method() + " " + answer.uri() + ": " + answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertEquals(
                contextPath + page,
                answer.uri().resolve(location).getPath(),
                "redirect of " + answer.uri());
    }
}
