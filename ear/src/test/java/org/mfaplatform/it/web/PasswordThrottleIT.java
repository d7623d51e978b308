package org.mfaplatform.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfaplatform.it.web.EnforcementGateIT.assertRedirect;

import java.io.File;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.TestDatabase;

/**
 * The password step slows repeated wrong passwords per email and client address, with the product's
 * 5 free failures. The test server lets the first delay last 3 seconds instead of a minute and
 * trusts 127.0.0.1 as a reverse proxy (liberty-config's test server.xml), so a test can send {@code
 * X-Forwarded-For} as a proxy would, and, over {@code [::1]}, as a stranger would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordThrottleIT {

    private static final int FREE_FAILURES = 5;

    /** The test server's first delay (3 s) and a margin for a slow machine. */
    private static final long FIRST_DELAY_MILLIS = 3_000 + 1_500;

    private static final String THROTTLED = "Too many failed logins. Try again in 1 minute.";
    private static final String WRONG = "Email or password is wrong.";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    @Test
    void rightPasswordIsRefusedUncheckedAfterFiveWrongOnes() {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient portal = WebClient.portal();

        failFiveTimes(portal, email);
        HttpResponse<String> sixth = portal.logIn(email, TestDatabase.DEMO_PASSWORD);

        assertRefused(sixth, THROTTLED);
        assertRedirect(portal, portal.get("/app/index.xhtml"), "/login.xhtml");
    }

    @Test
    void throttleLiftsByItselfAndRightPasswordThenLogsIn() throws InterruptedException {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient portal = WebClient.portal();
        failFiveTimes(portal, email);
        assertRefused(portal.logIn(email, TestDatabase.DEMO_PASSWORD), THROTTLED);

        Thread.sleep(FIRST_DELAY_MILLIS);

        assertRedirect(portal, portal.logIn(email, TestDatabase.DEMO_PASSWORD), "/app/index.xhtml");
    }

    @Test
    void rightPasswordClearsCountOfItsPair() {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient portal = WebClient.portal();
        for (int i = 1; i < FREE_FAILURES; i++) {
            assertRefused(portal.logIn(email, "wrong-password-" + i), WRONG);
        }
        assertRedirect(portal, portal.logIn(email, TestDatabase.DEMO_PASSWORD), "/app/index.xhtml");

        WebClient later = WebClient.portal();
        for (int i = 1; i < FREE_FAILURES; i++) {
            assertRefused(later.logIn(email, "wrong-again-" + i), WRONG);
        }

        assertRedirect(later, later.logIn(email, TestDatabase.DEMO_PASSWORD), "/app/index.xhtml");
    }

    @Test
    void unknownEmailIsThrottledLikeKnownOne() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        String known = TestDatabase.newUser("OPTIONAL");
        WebClient portal = WebClient.portal();
        failFiveTimes(portal, unknown);
        failFiveTimes(portal, known);

        HttpResponse<String> unknownAnswer = portal.logIn(unknown, "any-password");
        HttpResponse<String> knownAnswer = portal.logIn(known, "any-password");

        assertRefused(unknownAnswer, THROTTLED);
        assertRefused(knownAnswer, THROTTLED);
        assertEquals(unknownAnswer.statusCode(), knownAnswer.statusCode());
    }

    @Test
    void otherEmailFromSameAddressIsNotThrottled() {
        String email = TestDatabase.newUser("OPTIONAL");
        String other = TestDatabase.newUser("OPTIONAL");
        WebClient portal = WebClient.portal();
        failFiveTimes(portal, email);

        WebClient colleague = WebClient.portal();

        assertRedirect(
                colleague, colleague.logIn(other, TestDatabase.DEMO_PASSWORD), "/app/index.xhtml");
    }

    @Test
    void adminSiteThrottlesToo() {
        String email = TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN");
        WebClient admin = WebClient.adminSite();

        failFiveTimes(admin, email);

        assertRefused(admin.logIn(email, TestDatabase.DEMO_PASSWORD), THROTTLED);
    }

    @Test
    void ownerBehindTrustedProxyIsNotThrottledByGuessesFromAnotherAddress() {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient guesser = WebClient.portal();
        guesser.setHeader("X-Forwarded-For", "203.0.113.7");
        failFiveTimes(guesser, email);
        assertRefused(guesser.logIn(email, TestDatabase.DEMO_PASSWORD), THROTTLED);

        WebClient owner = WebClient.portal();
        owner.setHeader("X-Forwarded-For", "198.51.100.23");
        WebClient proxyItself = WebClient.portal();

        assertRedirect(owner, owner.logIn(email, TestDatabase.DEMO_PASSWORD), "/app/index.xhtml");
        assertRedirect(
                proxyItself,
                proxyItself.logIn(email, TestDatabase.DEMO_PASSWORD),
                "/app/index.xhtml");
    }

    @Test
    void forwardedAddressFromUntrustedSourceIsIgnored() {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient stranger = untrustedPortal();
        for (int i = 0; i < FREE_FAILURES; i++) {
            stranger.setHeader("X-Forwarded-For", "203.0.113." + (10 + i));
            assertRefused(stranger.logIn(email, "wrong-password-" + i), WRONG);
        }

        stranger.setHeader("X-Forwarded-For", "203.0.113.99");
        HttpResponse<String> sixth = stranger.logIn(email, TestDatabase.DEMO_PASSWORD);

        assertRefused(sixth, THROTTLED);
    }

    /** The portal over IPv6 loopback, an address the test server does not trust as a proxy. */
    private static WebClient untrustedPortal() {
        return new WebClient("https://[::1]:" + System.getProperty("it.https.port"));
    }

    private static void failFiveTimes(WebClient site, String email) {
        for (int i = 0; i < FREE_FAILURES; i++) {
            assertRefused(site.logIn(email, "wrong-password-" + i), WRONG);
        }
    }

    /** Refused: the login page again with the given message, and nobody logged in. */
    private static void assertRefused(HttpResponse<String> answer, String message) {
        String text = Jsoup.parse(answer.body()).text();
        assertFalse(
                answer.statusCode() / 100 == 3, "no redirect into the site: " + answer.headers());
        assertTrue(text.contains(message), "expected '" + message + "' in: " + text);
        assertTrue(answer.body().contains("login-form"), "the login page again");
    }
}
