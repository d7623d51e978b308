package org.mfaplatform.it.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
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
import org.mfaplatform.it.support.MailServer;
import org.mfaplatform.it.support.TestDatabase;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The notices a person gets from the packaged EAR, read straight off the SMTP server this process
 * runs (MailServer), after acts done in headless Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoticeMailBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

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

    @Test
    void setupAndDisableInThePortalEachMailTheUserWithoutTheKey() {
        String email = TestDatabase.newUser("OPTIONAL");
        portal.logIn(email, TestDatabase.DEMO_PASSWORD);

        String secret = portal.setUpDevice(screenshots);
        MailServer.Mail setUp =
                MailServer.awaitMessage(
                        email, "Two-step login was turned on for your account", PATIENCE);
        portal.disableDevice(TestDatabase.DEMO_PASSWORD, PortalPages.nextToken(secret));
        MailServer.Mail disabled =
                MailServer.awaitMessage(
                        email, "Two-step login was turned off for your account", PATIENCE);

        for (MailServer.Mail mail : new MailServer.Mail[] {setUp, disabled}) {
            assertTrue(mail.body().contains(email + " at mfa.test"), mail.body());
            assertTrue(mail.body().contains("from the address "), "the browser's address");
            assertTrue(mail.body().contains("contact your administrator"), mail.body());
            assertFalse(mail.body().contains(secret), "the key is in: " + mail.body());
            assertFalse(mail.body().contains("otpauth:"), "a key URI is in: " + mail.body());
        }
    }
}
