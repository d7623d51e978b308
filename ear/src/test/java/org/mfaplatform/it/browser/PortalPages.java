package org.mfaplatform.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mfaplatform.it.support.Commands;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does on the portal, one method per act, so tests read as scenarios. */
final class PortalPages {

    private static final Pattern SECRET = Pattern.compile("[?&]secret=([A-Z2-7]+)");

    private final WebDriver driver;
    private final String baseUrl;

    PortalPages(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    void logIn(String email, String password) {
        open("/login.xhtml");
        type("login-form:email", email);
        type("login-form:password", password);
        click("login-form:submit");
    }

    void enterToken(String token) {
        type("token-form:token", token);
        click("token-form:submit");
    }

    void logOut() {
        click("logout-form:logout");
        waitFor(By.id("login-form"));
    }

    /** Settings, MFA Device, Setup: returns the otpauth URI read off the QR code by zbarimg. */
    String startSetupAndScanQrCode(Path screenshotDir) {
        click("settings-link");
        click("setup-start-form:setup");
        WebElement qr = waitFor(By.id("qr-code"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        ((org.openqa.selenium.JavascriptExecutor) d)
                                                .executeScript(
                                                        "return arguments[0].complete &&"
                                                                + " arguments[0].naturalWidth > 0",
                                                        qr)));
        try {
            Files.createDirectories(screenshotDir);
            Path png = screenshotDir.resolve("qr-" + System.nanoTime() + ".png");
            Files.write(png, qr.getScreenshotAs(OutputType.BYTES));
            return Commands.scanQrCode(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void confirmSetup(String token) {
        type("setup-form:token", token);
        click("setup-form:next");
    }

    String manualKey() {
        return driver.findElement(By.id("manual-key")).getText();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("MFA_PORTAL_SESSION").getValue();
    }

    static String secretOf(String keyUri) {
        Matcher matcher = SECRET.matcher(keyUri);
        if (!matcher.find()) {
            throw new AssertionError("no secret in " + keyUri);
        }
        return matcher.group(1);
    }

    /** A token from the next time step: accepted by the window, and never one used before. */
    static String nextToken(String secret) {
        return Commands.totp(secret, Instant.now().plusSeconds(30));
    }

    static String currentToken(String secret) {
        return Commands.totp(secret, Instant.now());
    }

    private void type(String id, String text) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks a control that submits its form and waits until the browser has left the page, so the
     * next look at the URL or the text sees the answer and not the page the click came from.
     */
    private void click(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        waitFor(By.id(id)).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.stalenessOf(page));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
