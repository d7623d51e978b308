package org.mfaplatform.it.secretstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.TestDatabase;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;
import org.mfaplatform.secretstore.control.SealedSecret;
import org.mfaplatform.secretstore.control.SecretCipher;
import org.mfaplatform.totp.control.SharedSecret;

/**
 * Setup through each site's own pages, then every page and endpoint that ever showed the key asked
 * again: once the device is active, none returns the key or its QR code, and the database holds the
 * key only encrypted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretExposureIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    private static Page logIn(WebClient client, String email) {
        Page login = client.get("/login.xhtml");
        return client.submit(
                login,
                "login-form",
                "login-form:submit",
                Map.of(
                        "login-form:email",
                        email,
                        "login-form:password",
                        TestDatabase.DEMO_PASSWORD));
    }

    /** Settings is a protected view: it opens only through the menu's link, which has a token. */
    private static Page openSettings(WebClient portal) {
        Page home = portal.get("/app/index.xhtml");
        String link = home.html().getElementById("settings-link").absUrl("href");
        return portal.get(link.substring(link.indexOf("/app/")));
    }

    private static String manualKey(Page setup) {
        return setup.html().getElementById("manual-key").text().replace(" ", "");
    }

    private static void assertShowsNoKey(Page page, String key, String what) {
        String grouped = SharedSecret.groupedForReading(key);
        assertFalse(page.body().contains(key), what + " shows the key");
        assertFalse(page.body().contains(grouped), what + " shows the key in groups");
        assertFalse(page.body().contains("qr-code"), what + " shows a QR code");
        assertFalse(page.body().contains("otpauth"), what + " carries a key URI");
    }

    private static SealedSecret storedSecretOf(long accountId) throws SQLException {
        try (Connection db =
                        DriverManager.getConnection(
                                System.getProperty("it.db.url"),
                                System.getProperty("it.db.user"),
                                "");
                PreparedStatement select =
                        db.prepareStatement(
                                "SELECT SECRET_KEY_ID, SECRET_CIPHERTEXT FROM MFA_DEVICE"
                                        + " WHERE ACCOUNT_ID = ?")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "a device row");
                return new SealedSecret(row.getString(1), row.getString(2));
            }
        }
    }

    @Test
    void portalShowsNeitherKeyNorQrCodeOnceDeviceIsActive() throws SQLException {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient portal = new WebClient(System.getProperty("it.base.url"));
        logIn(portal, email);
        Page setup =
                portal.submit(
                        openSettings(portal),
                        "setup-start-form",
                        "setup-start-form:setup",
                        Map.of());
        String key = manualKey(setup);
        assertEquals(200, portal.get("/mfa-qr.png").status(), "the QR code while pending");

        Page done =
                portal.submit(
                        setup,
                        "setup-form",
                        "setup-form:next",
                        Map.of("setup-form:token", Commands.totp(key, Instant.now())));

        assertTrue(done.text().contains("MFA is on"), done.text());
        assertShowsNoKey(done, key, "the page after Next");
        assertEquals(404, portal.get("/mfa-qr.png").status(), "the QR code once active");
        assertShowsNoKey(openSettings(portal), key, "Settings reopened");
        assertShowsNoKey(portal.get("/app/index.xhtml"), key, "the home page");

        long accountId = TestDatabase.idOf(email);
        SealedSecret stored = storedSecretOf(accountId);
        assertEquals(TestDatabase.testKeyRing().currentKeyId(), stored.keyId());
        assertFalse(stored.ciphertext().contains(key), "no Base32 key in the database");
        assertArrayEquals(
                SharedSecret.decode(key),
                new SecretCipher(TestDatabase.testKeyRing())
                        .open(stored, SecretCipher.boundToAccount(accountId)),
                "the row holds the key encrypted under the server's current key");
    }

    @Test
    void adminSiteShowsNeitherKeyNorQrCodeOnceMandatorySetupIsDone() {
        String email = TestDatabase.newAccount("REQUIRED", "COMPANY_ADMIN");
        WebClient admin = new WebClient(System.getProperty("it.admin.url"));
        Page required = logIn(admin, email);
        assertEquals("/admin/setup-required.xhtml", required.path(), required.text());
        Page setup = admin.submit(required, "setup-start-form", "setup-start-form:setup", Map.of());
        String key = manualKey(setup);
        assertEquals(200, admin.get("/mfa-qr.png").status(), "the QR code while pending");

        Page home =
                admin.submit(
                        setup,
                        "token-form",
                        "token-form:next",
                        Map.of("token-form:token", Commands.totp(key, Instant.now())));

        assertEquals("/admin/app/index.xhtml", home.path(), home.text());
        assertShowsNoKey(home, key, "the home page after setup");
        assertEquals(404, admin.get("/mfa-qr.png").status(), "the QR code once active");
        Page setupAgain = admin.get("/setup-required.xhtml");
        assertShowsNoKey(setupAgain, key, "the setup page asked for again");
        if (setupAgain.hasForm("setup-start-form")) {
            Page refused =
                    admin.submit(
                            setupAgain, "setup-start-form", "setup-start-form:setup", Map.of());
            assertShowsNoKey(refused, key, "Setup pressed again");
            assertFalse(refused.hasForm("token-form"), "no second setup: " + refused.text());
            assertEquals(404, admin.get("/mfa-qr.png").status(), "still no QR code");
        }
    }
}
