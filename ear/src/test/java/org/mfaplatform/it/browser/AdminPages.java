package org.mfaplatform.it.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** What a company administrator or support staff does on the admin site. */
final class AdminPages extends SitePages {

    private static final Pattern FACES_TOKEN =
            Pattern.compile("[?&](jakarta\\.faces\\.Token=[^&]+)");

    AdminPages(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** Settings, "Multi-factor Authentication": choose and preview; returns the preview's text. */
    String previewPolicy(String choiceLabel) {
        click("policy-link");
        String radio =
                driver.findElement(By.xpath("//label[normalize-space()='" + choiceLabel + "']"))
                        .getAttribute("for");
        driver.findElement(By.id(radio)).click();
        click("policy-form:preview");
        return textOf("policy-form:preview-panel");
    }

    void savePolicy() {
        click("policy-form:save");
    }

    /** Users, filtered by email, then "Reset MFA" on the one user found. */
    void resetMfa(String email, String reason, String ticket) {
        open("/app/users.xhtml");
        type("filter-q", email);
        click("filter-submit");
        var links = driver.findElements(By.className("reset-link"));
        if (links.size() != 1) {
            throw new AssertionError("expected one user, found " + links.size() + ": " + text());
        }
        clickAndWaitForNextPage(links.get(0));
        type("reset-form:reason", reason);
        if (ticket != null) {
            type("reset-form:ticket", ticket);
        }
        click("reset-form:reset");
    }

    /** How many rows of the users list offer Reset MFA. */
    int resetLinkCount() {
        open("/app/users.xhtml");
        waitFor(By.id("filter-q"));
        return driver.findElements(By.className("reset-link")).size();
    }

    /**
     * The reset page of any user id, as a hand-made address would ask for it. The page is a
     * protected view, so the address carries the session's token, taken from a Reset link of the
     * users list as a curious administrator could.
     */
    void openResetPage(long userId) {
        open("/app/users.xhtml");
        String link = waitFor(By.className("reset-link")).getAttribute("href");
        Matcher token = FACES_TOKEN.matcher(link);
        if (!token.find()) {
            throw new AssertionError("no token in the Reset link " + link);
        }
        open("/app/reset.xhtml?user=" + userId + "&" + token.group(1));
    }

    /** The audit trail filtered by event type (its label) and user email; returns its text. */
    String auditTrail(String typeLabel, String email) {
        open("/app/audit.xhtml");
        new Select(waitFor(By.id("filter-type"))).selectByVisibleText(typeLabel);
        type("filter-user", email);
        click("audit-filter-submit");
        return text();
    }

    String sessionCookie() {
        return driver.manage().getCookieNamed("MFA_ADMIN_SESSION").getValue();
    }
}
