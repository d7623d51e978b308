package org.mfaplatform.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.Browser;
import org.mfaplatform.it.support.TestDatabase;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A person with an authenticator app, in headless Chromium against the packaged EAR: the QR code is
 * read by zbarimg from a screenshot and tokens come from oathtool.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoStepLoginBrowserIT {

    private static final String ISSUER = "mfa.test";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    private ChromeDriver driver;
    private PortalPages portal;
    private final Path screenshots = Path.of(System.getProperty("it.screenshots"));

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
        portal = new PortalPages(driver, System.getProperty("it.base.url"));
    }

    @AfterEach
    void closeBrowser() {
        driver.quit();
    }

    /** Enrolls the logged-in user and returns the Base32 key the QR code carried. */
    private String enrollWithQrCode(String email) {
        String keyUri = portal.startSetupAndScanQrCode(screenshots);
        String secret = PortalPages.secretOf(keyUri);
        String label = ISSUER + ":" + email.replace("@", "%40");

        assertTrue(
                keyUri.startsWith("otpauth://totp/" + label + "?"),
                "QR code names issuer and email: " + keyUri);
        assertTrue(keyUri.endsWith("&issuer=" + ISSUER), "issuer parameter: " + keyUri);
        assertEquals(
                secret, portal.manualKey().replace(" ", ""), "manual key is the QR code's key");

        portal.confirmSetup(PortalPages.currentToken(secret));
        assertTrue(portal.text().contains("MFA is on"), "setup confirmed: " + portal.text());
        assertTrue(portal.text().contains("Active since"), "status shows the device");
        return secret;
    }

    @Test
    void demoUserEnrollsByQrCodeAndLogsInWithFreshToken() {
        portal.logIn("alice@example.com", TestDatabase.DEMO_PASSWORD);
        assertEquals("/app/index.xhtml", portal.path(), "password alone lets Alice in for now");
        String secret = enrollWithQrCode("alice@example.com");
        portal.logOut();

        portal.logIn("alice@example.com", TestDatabase.DEMO_PASSWORD);
        assertEquals("/token.xhtml", portal.path(), "a device means a token page");
        portal.enterToken(PortalPages.nextToken(secret));

        assertEquals("/app/index.xhtml", portal.path(), "token accepted: " + portal.text());
        assertTrue(portal.text().contains("Welcome, alice@example.com"), portal.text());
    }

    @Test
    void wrongTokenIsRefusedWithMessageAndUsedTokenIsRefusedSecondTime() {
        String email = TestDatabase.newUser("OPTIONAL");
        portal.logIn(email, TestDatabase.DEMO_PASSWORD);
        String secret = enrollWithQrCode(email);
        portal.logOut();

        portal.logIn(email, TestDatabase.DEMO_PASSWORD);
        String token = PortalPages.nextToken(secret);
        String wrong = token.equals("000000") ? "999999" : "000000";
        portal.enterToken(wrong);
        assertEquals("/token.xhtml", portal.path(), "a wrong token stays on the token page");
        assertTrue(portal.text().contains("That token is not valid"), portal.text());

        portal.enterToken(token);
        assertEquals("/app/index.xhtml", portal.path(), "right token lets in: " + portal.text());
        portal.logOut();

        portal.logIn(email, TestDatabase.DEMO_PASSWORD);
        portal.enterToken(token);
        assertEquals("/token.xhtml", portal.path(), "a used token must not let in again");
        assertTrue(portal.text().contains("That token is not valid"), portal.text());
    }

    @Test
    void passwordAloneReachesNothingProtectedAndTokenRenewsSession() {
        String email = TestDatabase.newUser("OPTIONAL");
        portal.logIn(email, TestDatabase.DEMO_PASSWORD);
        String secret = enrollWithQrCode(email);
        portal.logOut();

        portal.logIn(email, TestDatabase.DEMO_PASSWORD);
        String sessionAfterPassword = portal.sessionCookie();
        portal.open("/app/settings.xhtml");
        assertEquals("/token.xhtml", portal.path(), "protected page leads back to the token page");
        portal.open("/app/index.xhtml");
        assertEquals("/token.xhtml", portal.path(), "every protected page does");

        portal.enterToken(PortalPages.nextToken(secret));

        assertEquals("/app/index.xhtml", portal.path());
        assertNotEquals(
                sessionAfterPassword, portal.sessionCookie(), "session id changes at login");
    }
}
