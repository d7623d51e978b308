package org.mfaplatform.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.Browser;
import org.mfaplatform.it.support.TestDatabase;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The company MFA policy from both sides, in headless Chromium: what users meet under each of the
 * three settings, and what administrators and support staff do on the admin site. QR codes are read
 * by zbarimg and tokens come from oathtool, as in the login tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyPolicyBrowserIT {

    private static final String PASSWORD = TestDatabase.DEMO_PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    private final Path screenshots = Path.of(System.getProperty("it.screenshots"));
    private final List<ChromeDriver> browsers = new ArrayList<>();

    /** Each person gets a browser of their own, so their sessions stay apart. */
    private PortalPages portal() {
        return new PortalPages(browser(), System.getProperty("it.base.url"));
    }

    private AdminPages adminSite() {
        return new AdminPages(browser(), System.getProperty("it.admin.url"));
    }

    private ChromeDriver browser() {
        ChromeDriver driver = Browser.start();
        browsers.add(driver);
        return driver;
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    // --- The user's side of each setting -------------------------------------------------------

    @Test
    void requiredPolicySendsUserToSetupBeforeAnythingElse() {
        String email = TestDatabase.newUser("REQUIRED");
        PortalPages user = portal();

        user.logIn(email, PASSWORD);
        assertEquals("/setup-required.xhtml", user.path(), "straight from password to setup");
        user.open("/app/settings.xhtml");
        assertEquals("/setup-required.xhtml", user.path(), "nothing else is reachable");
        user.open("/app/index.xhtml");
        assertEquals("/setup-required.xhtml", user.path());

        String secret = user.completeRequiredSetup(screenshots);
        assertEquals("/app/index.xhtml", user.path(), "in once the setup is confirmed");
        user.openSettings();
        assertTrue(user.textOf("device-status").startsWith("Active since"), user.text());
        assertFalse(user.isShown("disable-form"), "a required device cannot be turned off");
        assertTrue(user.textOf("required-hint").contains("requires MFA"), user.text());
        user.logOut();

        user.logIn(email, PASSWORD);
        assertEquals("/token.xhtml", user.path());
        user.enterToken(SitePages.nextToken(secret));
        assertEquals("/app/index.xhtml", user.path(), user.text());
    }

    @Test
    void optionalPolicyLetsUserTurnMfaOnAndOffThemselves() {
        String email = TestDatabase.newUser("OPTIONAL");
        PortalPages user = portal();
        user.logIn(email, PASSWORD);
        assertEquals("/app/index.xhtml", user.path(), "no device: the password alone");

        String secret = user.setUpDevice(screenshots);
        assertTrue(user.text().contains("MFA is on"), user.text());
        user.disableDevice(PASSWORD, SitePages.nextToken(secret));
        assertEquals("Not set up", user.textOf("device-status"), user.text());
        user.logOut();

        user.logIn(email, PASSWORD);
        assertEquals("/app/index.xhtml", user.path(), "MFA turned off: the password alone again");
    }

    @Test
    void disabledPolicySkipsTokenStepKeepsDeviceAndOffersNoSetup() {
        long company = TestDatabase.newCompany("OPTIONAL");
        String email = TestDatabase.newAccountIn(company, "USER");
        PortalPages user = portal();
        user.logIn(email, PASSWORD);
        String secret = user.setUpDevice(screenshots);
        user.logOut();

        TestDatabase.setPolicy(company, "DISABLED");
        user.logIn(email, PASSWORD);
        assertEquals("/app/index.xhtml", user.path(), "no token step while MFA is disabled");
        user.openSettings();
        assertTrue(user.textOf("policy-hint").contains("device is kept"), user.text());
        assertFalse(user.isShown("setup-start-form"));
        assertFalse(user.isShown("disable-form"));
        user.logOut();

        TestDatabase.setPolicy(company, "OPTIONAL");
        user.logIn(email, PASSWORD);
        assertEquals("/token.xhtml", user.path(), "the kept device is asked for again");
        user.enterToken(SitePages.nextToken(secret));
        assertEquals("/app/index.xhtml", user.path());
    }

    @Test
    void disabledPolicyRefusesSetupForUsersWithoutDevice() {
        String email = TestDatabase.newUser("DISABLED");
        PortalPages user = portal();
        user.logIn(email, PASSWORD);
        user.openSettings();
        assertTrue(user.textOf("policy-hint").contains("disabled MFA"), user.text());
        assertFalse(user.isShown("setup-start-form"), "Setup is not offered");
        user.open("/mfa-qr.png");
        assertTrue(user.text().contains("Page not found"), "no QR code without a setup");
    }

    // --- The administrator's side
    // -----------------------------------------------------------------

    @Test
    void adminPreviewsAndSavesPolicyAndOpenSessionsFollow() {
        long company = TestDatabase.newCompany("OPTIONAL");
        String adminEmail = TestDatabase.newAccountIn(company, "COMPANY_ADMIN");
        String userEmail = TestDatabase.newAccountIn(company, "USER");
        TestDatabase.newAccountIn(company, "USER");
        PortalPages user = portal();
        user.logIn(userEmail, PASSWORD);
        assertEquals("/app/index.xhtml", user.path());

        AdminPages admin = adminSite();
        admin.logIn(adminEmail, PASSWORD);
        assertEquals("/admin/app/index.xhtml", admin.path(), admin.text());
        String preview = admin.previewPolicy("MFA authentication required for all users");
        assertTrue(
                preview.contains(
                        "3 users have no device and will have to set one up at their next login"),
                preview);
        assertEquals(
                "MFA authentication optional",
                admin.textOf("current-policy"),
                "nothing saved by a preview");

        admin.savePolicy();
        assertEquals(
                "/admin/setup-required.xhtml",
                admin.path(),
                "the administrator is a user of the company too and sets up first");
        admin.completeRequiredSetup(screenshots);
        assertEquals("/admin/app/index.xhtml", admin.path(), admin.text());
        String trail = admin.auditTrail("MFA setting changed", adminEmail);
        assertTrue(trail.contains("OPTIONAL -> REQUIRED"), trail);

        user.open("/app/settings.xhtml");
        assertEquals(
                "/setup-required.xhtml", user.path(), "the open session follows on its next page");
    }

    @Test
    void adminResetsLostDeviceAndUserGetsInByThePolicy() {
        long company = TestDatabase.newCompany("OPTIONAL");
        String adminEmail = TestDatabase.newAccountIn(company, "COMPANY_ADMIN");
        String userEmail = TestDatabase.newAccountIn(company, "USER");
        PortalPages user = portal();
        user.logIn(userEmail, PASSWORD);
        user.setUpDevice(screenshots);

        AdminPages admin = adminSite();
        admin.logIn(adminEmail, PASSWORD);
        admin.resetMfa(userEmail, "", null);
        assertTrue(admin.text().contains("Reason is required"), admin.text());
        admin.type("reset-form:reason", "Lost phone; identity checked by call-back");
        admin.click("reset-form:reset");
        assertTrue(admin.text().contains("The MFA of " + userEmail + " was reset"), admin.text());
        String trail = admin.auditTrail("MFA reset", userEmail);
        assertTrue(trail.contains("reason: Lost phone; identity checked by call-back"), trail);

        user.open("/app/settings.xhtml");
        assertEquals("/login.xhtml", user.path(), "the reset ended the user's open session");
        user.logIn(userEmail, PASSWORD);
        assertEquals("/app/index.xhtml", user.path(), "optional: the password alone lets in");
        user.logOut();

        TestDatabase.setPolicy(company, "REQUIRED");
        user.logIn(userEmail, PASSWORD);
        assertEquals("/setup-required.xhtml", user.path(), "required: a new device first");
    }

    @Test
    void supportStaffFindUserOfAnyCompanyAndResetWithTicket() {
        String userEmail = TestDatabase.newUser("OPTIONAL");
        PortalPages user = portal();
        user.logIn(userEmail, PASSWORD);
        user.setUpDevice(screenshots);
        user.logOut();

        AdminPages support = adminSite();
        support.logIn(TestDatabase.newAccount("OPTIONAL", "SUPPORT"), PASSWORD);
        assertEquals("/admin/setup-required.xhtml", support.path(), "support always uses MFA");
        support.completeRequiredSetup(screenshots);

        support.resetMfa(userEmail, "Lost phone; verified with the HR record", "");
        assertTrue(support.text().contains("Ticket reference is required"), support.text());
        support.type("reset-form:ticket", "SUP-4711");
        support.click("reset-form:reset");
        assertTrue(support.text().contains("was reset"), support.text());
        String trail = support.auditTrail("MFA reset", userEmail);
        assertTrue(trail.contains("ticket: SUP-4711"), trail);

        user.logIn(userEmail, PASSWORD);
        assertEquals("/app/index.xhtml", user.path());
    }

    @Test
    void csvExportHoldsTheListsColumnsAndRows() throws Exception {
        long company = TestDatabase.newCompany("OPTIONAL");
        String adminEmail = TestDatabase.newAccountIn(company, "COMPANY_ADMIN");
        String withDevice = TestDatabase.newAccountIn(company, "USER");
        String withoutDevice = TestDatabase.newAccountIn(company, "USER");
        PortalPages user = portal();
        user.logIn(withDevice, PASSWORD);
        user.setUpDevice(screenshots);

        AdminPages admin = adminSite();
        admin.logIn(adminEmail, PASSWORD);
        admin.open("/app/users.xhtml");
        String csvLink =
                admin.driver
                        .findElement(org.openqa.selenium.By.id("csv-link"))
                        .getAttribute("href");
        CsvDownload csv = CsvDownload.fetch(csvLink, "MFA_ADMIN_SESSION", admin.sessionCookie());

        assertEquals("text/csv;charset=UTF-8", csv.contentType().replace(" ", ""));
        assertEquals(
                List.of(
                        "Email",
                        "Role",
                        "Company",
                        "MFA status",
                        "Active since (UTC)",
                        "Last used (UTC)",
                        "Failed tokens",
                        "Locked until (UTC)",
                        "Account locked (UTC)"),
                csv.header());
        assertEquals(
                List.of(adminEmail, withDevice, withoutDevice).stream().sorted().toList(),
                csv.column("Email"),
                "the company's users, in the list's order, and no one else");
        var active = csv.row("Email", withDevice);
        assertEquals("ACTIVE", active.get("MFA status"));
        assertTrue(
                active.get("Active since (UTC)")
                        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"));
        assertEquals("0", active.get("Failed tokens"));
        var none = csv.row("Email", withoutDevice);
        assertEquals("NONE", none.get("MFA status"));
        assertEquals("", none.get("Active since (UTC)"));
        assertEquals("USER", none.get("Role"));

        CsvDownload filtered =
                CsvDownload.fetch(
                        csvLink + "?status=ACTIVE", "MFA_ADMIN_SESSION", admin.sessionCookie());
        assertEquals(List.of(withDevice), filtered.column("Email"), "the filter applies too");
    }

    @Test
    void adminOfOneCompanyGetsNotFoundForUsersOfAnother() {
        long company = TestDatabase.newCompany("OPTIONAL");
        String adminEmail = TestDatabase.newAccountIn(company, "COMPANY_ADMIN");
        // A colleague, so the admin's users list has a Reset link to take the page's token from.
        TestDatabase.newAccountIn(company, "USER");
        String otherEmail = TestDatabase.newUser("OPTIONAL");
        long otherId = TestDatabase.idOf(otherEmail);
        AdminPages admin = adminSite();
        admin.logIn(adminEmail, PASSWORD);
        assertEquals(1, admin.resetLinkCount(), "Reset for the colleague, none for the admin");

        admin.openResetPage(Long.MAX_VALUE);
        String nonExistent = admin.textOf("user-not-found");
        admin.openResetPage(otherId);
        assertEquals(nonExistent, admin.textOf("user-not-found"), "answered as a missing user");
        assertFalse(admin.text().contains(otherEmail));

        admin.open("/app/users.xhtml?q=" + otherEmail);
        assertTrue(admin.isShown("no-users"), admin.text());
        admin.open("/app/audit.xhtml?user=" + otherEmail);
        assertTrue(admin.isShown("no-events"), admin.text());
    }
}
