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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does on either site: log in, give tokens, set up a device, read the page. */
abstract class SitePages {

    private static final Pattern SECRET = Pattern.compile("[?&]secret=([A-Z2-7]+)");

    final WebDriver driver;
    private final String baseUrl;

    SitePages(WebDriver driver, String baseUrl) {
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

    /**
     * On the mandatory setup page: Setup, scan the QR code, confirm with a token from it.
     *
     * @return the Base32 key the QR code carried
     */
    String completeRequiredSetup(Path screenshotDir) {
        click("setup-start-form:setup");
        String secret = secretOf(scanQrCode(screenshotDir));
        type("token-form:token", currentToken(secret));
        click("token-form:next");
        return secret;
    }

    /** Reads the QR code on the page with zbarimg, from a screenshot of the image as shown. */
    String scanQrCode(Path screenshotDir) {
        WebElement qr = waitFor(By.id("qr-code"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        ((JavascriptExecutor) d)
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

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String textOf(String id) {
        return waitFor(By.id(id)).getText();
    }

    boolean isShown(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
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

    void type(String id, String text) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks a control that leads to another page and waits until the browser has left the current
     * one, so the next look at the URL or the text sees the answer and not the page the click came
     * from.
     */
    void click(String id) {
        clickAndWaitForNextPage(waitFor(By.id(id)));
    }

    void clickAndWaitForNextPage(WebElement control) {
        WebElement page = driver.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(page));
    }

    /**
     * Chromium reports an element of a page it has left either as stale or, while the next page is
     * still loading, as a node that "does not belong to the document"; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
