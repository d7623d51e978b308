package org.mfaplatform.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.TestDatabase;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;

/**
 * The forms of both sites, each brought to the point where a person would type into it, with a
 * fresh account of its own: which form, which button, which field takes the typed value.
 */
enum Forms {
    PORTAL_LOGIN("login-form", "login-form:submit", "login-form:email"),
    ADMIN_LOGIN("login-form", "login-form:submit", "login-form:email"),
    TOKEN("token-form", "token-form:submit", "token-form:token"),
    SETUP("setup-form", "setup-form:next", "setup-form:token"),
    DISABLE("disable-form", "disable-form:disable", "disable-form:token"),
    REPLACE("replace-form", "replace-form:replace", "replace-form:token"),
    ADMIN_POLICY("policy-form", "policy-form:preview", "policy-form:policy"),
    ADMIN_RESET("reset-form", "reset-form:reset", "reset-form:reason");

    /** A form on a page, ready to be sent, in the session of its visitor. */
    record Arranged(WebClient client, Page page, Forms form, String email) {

        Map<String, String> fields() {
            return WebClient.fieldsOf(page, form.formId, form.button);
        }

        /**
         * Sends {@code value} in the form's typed field, with the account's right password where
         * the form asks for one too, so that the value reaches the check of that field.
         */
        Page submit(String value) {
            Map<String, String> typed = new HashMap<>(form.rightAnswersBeside());
            typed.put(form.field, value);
            return client.submit(page, form.formId, form.button, typed);
        }
    }

    final String formId;
    final String button;
    final String field;

    Forms(String formId, String button, String field) {
        this.formId = formId;
        this.button = button;
        this.field = field;
    }

    /** Fields other than the typed one that must be right for the typed one to be looked at. */
    Map<String, String> rightAnswersBeside() {
        return switch (this) {
            case DISABLE, REPLACE -> Map.of(formId + ":password", TestDatabase.DEMO_PASSWORD);
            default -> Map.of();
        };
    }

    Arranged arrange() {
        return switch (this) {
            case PORTAL_LOGIN -> loginPage(portal());
            case ADMIN_LOGIN -> loginPage(admin());
            case TOKEN -> tokenPage();
            case SETUP -> setupPage();
            case DISABLE, REPLACE -> deviceChangePage();
            case ADMIN_POLICY -> policyPage();
            case ADMIN_RESET -> resetPage();
        };
    }

    static WebClient portal() {
        return new WebClient(System.getProperty("it.base.url"));
    }

    static WebClient admin() {
        return new WebClient(System.getProperty("it.admin.url"));
    }

    /** Email and password on the login page; lands where the login leads. */
    static Page logIn(WebClient client, String email) {
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

    /** Setup on the Settings page, then Next with a token oathtool computes from the shown key. */
    static String activateDevice(WebClient client) {
        Page setup = startSetup(client);
        String secret = setup.html().getElementById("manual-key").text().replace(" ", "");
        Page done =
                client.submit(
                        setup,
                        "setup-form",
                        "setup-form:next",
                        Map.of("setup-form:token", Commands.totp(secret, Instant.now())));
        assertTrue(done.text().contains("MFA is on"), "device activated: " + done.text());
        return secret;
    }

    static Page startSetup(WebClient client) {
        Page settings = client.open("/app/settings.xhtml");
        Page setup =
                client.submit(settings, "setup-start-form", "setup-start-form:setup", Map.of());
        assertTrue(setup.hasForm("setup-form"), "setup started: " + setup.text());
        return setup;
    }

    private Arranged loginPage(WebClient client) {
        String email =
                TestDatabase.newAccount("OPTIONAL", this == ADMIN_LOGIN ? "COMPANY_ADMIN" : "USER");
        return new Arranged(client, client.get("/login.xhtml"), this, email);
    }

    private Arranged tokenPage() {
        String email = TestDatabase.newUser("OPTIONAL");
        WebClient first = portal();
        logIn(first, email);
        activateDevice(first);

        WebClient client = portal();
        Page token = logIn(client, email);
        assertEquals("/token.xhtml", token.path(), "a device means a token page");
        return new Arranged(client, token, this, email);
    }

    private Arranged setupPage() {
        WebClient client = portal();
        String email = TestDatabase.newUser("OPTIONAL");
        logIn(client, email);
        return new Arranged(client, startSetup(client), this, email);
    }

    /** Settings with an active device, where Disable and Replace device are offered. */
    private Arranged deviceChangePage() {
        WebClient client = portal();
        String email = TestDatabase.newUser("OPTIONAL");
        logIn(client, email);
        activateDevice(client);
        Page settings = client.open("/app/settings.xhtml");
        assertTrue(settings.hasForm(formId), formId + " offered: " + settings.text());
        return new Arranged(client, settings, this, email);
    }

    private Arranged policyPage() {
        WebClient client = admin();
        String email = TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN");
        logIn(client, email);
        Page policy = client.open("/app/policy.xhtml");
        assertTrue(policy.hasForm("policy-form"), "policy form shown: " + policy.text());
        return new Arranged(client, policy, this, email);
    }

    private Arranged resetPage() {
        long company = TestDatabase.newCompany("OPTIONAL");
        WebClient client = admin();
        logIn(client, TestDatabase.newAccountIn(company, "COMPANY_ADMIN"));
        String email = TestDatabase.newAccountIn(company, "USER");
        long user = TestDatabase.idOf(email);
        Page reset =
                client.follow(
                        "/app/users.xhtml?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                        "/app/reset.xhtml?user=" + user);
        assertTrue(reset.hasForm("reset-form"), "reset form shown: " + reset.text());
        return new Arranged(client, reset, this, email);
    }
}
