package org.mfaplatform.it.browser;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** What a person does on the user portal, one method per act, so tests read as scenarios. */
final class PortalPages extends SitePages {

    PortalPages(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /**
     * Settings from the menu: it is a protected view, which opens only through a link of the site,
     * never by typing its address.
     */
    void openSettings() {
        open("/app/index.xhtml");
        click("settings-link");
    }

    /** Settings, MFA Device, Setup: returns the otpauth URI read off the QR code by zbarimg. */
    String startSetupAndScanQrCode(Path screenshotDir) {
        click("settings-link");
        click("setup-start-form:setup");
        return scanQrCode(screenshotDir);
    }

    /**
     * Settings, MFA Device, Setup, scan, Next with a token computed from the scanned key.
     *
     * @return the Base32 key the QR code carried
     */
    String setUpDevice(Path screenshotDir) {
        String secret = secretOf(startSetupAndScanQrCode(screenshotDir));
        confirmSetup(currentToken(secret));
        return secret;
    }

    void confirmSetup(String token) {
        type("setup-form:token", token);
        click("setup-form:next");
    }

    void disableDevice(String password, String token) {
        type("disable-form:password", password);
        type("disable-form:token", token);
        click("disable-form:disable");
    }

    String manualKey() {
        return driver.findElement(By.id("manual-key")).getText();
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("MFA_PORTAL_SESSION").getValue();
    }
}
