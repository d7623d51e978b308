package org.mfaplatform.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the Debian packages, driven by their chromedriver. Both paths are given
 * explicitly so Selenium never tries to download a browser of its own.
 */
public final class Browser {

    private Browser() {}

    public static ChromeDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("mfa-it-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--window-size=1280,1100",
                "--user-data-dir=" + profile);
        // The test server's HTTPS ports, the admin site's among them, use a throwaway self-signed
        // certificate.
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                new File(
                                        System.getProperty(
                                                "chromedriver", "/usr/bin/chromedriver")))
                        .build();

        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
