package org.mfaplatform.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.Metrics;
import org.mfaplatform.it.support.PrometheusText;
import org.mfaplatform.it.support.TestDatabase;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;
import org.mfaplatform.totp.control.SharedSecret;

/**
 * Each counter at /metrics moves by exactly one for one real event over HTTP, and by nothing for
 * the steps on the way. The tests of one run share the server, never run in parallel, and read the
 * counters right before and after their own requests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityCountersIT {

    private static final String LOGINS = "mfa_logins_total";
    private static final String PASSWORD_FAILURES = "mfa_password_failures_total";
    private static final String TOKEN_FAILURES = "mfa_token_failures_total";
    private static final String LOCKOUTS = "mfa_lockouts_total";
    private static final String DEVICE_SETUPS = "mfa_device_setups_total";
    private static final String RESETS = "mfa_resets_total";

    private static final Map<String, String> PORTAL = Map.of("site", "portal");
    private static final Map<String, String> ADMIN = Map.of("site", "admin");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    @Test
    void everyCounterIsExposedWithOnlyConstantTags() {
        PrometheusText metrics = Metrics.application();

        for (Map.Entry<String, Map<String, String>> series :
                Map.of(
                                LOGINS, PORTAL,
                                PASSWORD_FAILURES, ADMIN,
                                TOKEN_FAILURES, Map.<String, String>of(),
                                LOCKOUTS, Map.of("lock", "account"),
                                DEVICE_SETUPS, Map.of("kind", "replacement"),
                                RESETS, Map.<String, String>of())
                        .entrySet()) {
            assertTrue(
                    metrics.has(series.getKey(), series.getValue()),
                    series + " exposed: " + metrics.samples());
        }
        List<String> tagNames = List.of("site", "lock", "kind", "mp_scope", "mp_app");
        metrics.samples().stream()
                .filter(sample -> sample.name().startsWith("mfa_"))
                .forEach(
                        sample ->
                                assertTrue(
                                        tagNames.containsAll(sample.labels().keySet()),
                                        "only known tags on " + sample));
    }

    @Test
    void wrongPasswordCountsOnePasswordFailureOfItsSite() {
        PrometheusText before = Metrics.application();

        Page refused = portal().logIn(TestDatabase.newUser("OPTIONAL"), "wrong-password");

        PrometheusText after = Metrics.application();
        assertEquals("/login.xhtml", refused.path(), "refused: " + refused.text());
        assertIncrease(1, PASSWORD_FAILURES, PORTAL, before, after);
        assertIncrease(0, PASSWORD_FAILURES, ADMIN, before, after);
        assertIncrease(0, LOGINS, PORTAL, before, after);
    }

    @Test
    void wrongPasswordOnAdminSiteCountsThere() {
        PrometheusText before = Metrics.application();

        admin().logIn(TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN"), "wrong-password");

        PrometheusText after = Metrics.application();
        assertIncrease(1, PASSWORD_FAILURES, ADMIN, before, after);
        assertIncrease(0, PASSWORD_FAILURES, PORTAL, before, after);
    }

    @Test
    void passwordAloneWhereNoTokenIsAskedCountsOneLogin() {
        PrometheusText before = Metrics.application();

        Page home = portal().logIn(TestDatabase.newUser("OPTIONAL"), TestDatabase.DEMO_PASSWORD);

        PrometheusText after = Metrics.application();
        assertEquals("/app/index.xhtml", home.path(), "logged in: " + home.text());
        assertIncrease(1, LOGINS, PORTAL, before, after);
        assertIncrease(0, PASSWORD_FAILURES, PORTAL, before, after);
    }

    @Test
    void twoStepLoginCountsOneLoginOnlyOnceTheTokenIsRight() {
        String email = TestDatabase.newUser("OPTIONAL");
        String key = SharedSecret.generate();
        TestDatabase.addActiveDevice(email, key);
        WebClient client = portal();
        PrometheusText before = Metrics.application();

        Page token = client.logIn(email, TestDatabase.DEMO_PASSWORD);
        PrometheusText afterPassword = Metrics.application();
        Page home = submitToken(client, token, Commands.totp(key, Instant.now()));

        PrometheusText after = Metrics.application();
        assertEquals("/token.xhtml", token.path(), "a token is asked: " + token.text());
        assertIncrease(0, LOGINS, PORTAL, before, afterPassword);
        assertEquals("/app/index.xhtml", home.path(), "logged in: " + home.text());
        assertIncrease(1, LOGINS, PORTAL, before, after);
        assertIncrease(0, TOKEN_FAILURES, Map.of(), before, after);
    }

    @Test
    void adminLoginCountsOnAdminSite() {
        PrometheusText before = Metrics.application();

        Page home =
                admin().logIn(
                                TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN"),
                                TestDatabase.DEMO_PASSWORD);

        PrometheusText after = Metrics.application();
        assertEquals("/admin/app/index.xhtml", home.path(), "logged in: " + home.text());
        assertIncrease(1, LOGINS, ADMIN, before, after);
        assertIncrease(0, LOGINS, PORTAL, before, after);
    }

    @Test
    void wrongTokenCountsOneTokenFailureAndNoLogin() {
        WebClient client = portal();
        Page token = tokenPageOfNewUserWithDevice(client);
        PrometheusText before = Metrics.application();

        Page refused = submitToken(client, token, "000000");

        PrometheusText after = Metrics.application();
        assertEquals("/token.xhtml", refused.path(), "refused: " + refused.text());
        assertIncrease(1, TOKEN_FAILURES, Map.of(), before, after);
        assertIncrease(0, LOCKOUTS, Map.of("lock", "token_step"), before, after);
        assertIncrease(0, LOGINS, PORTAL, before, after);
    }

    @Test
    void wrongTokenThatLocksTokenStepCountsOneLockout() {
        WebClient client = portal();
        String email = TestDatabase.newUser("OPTIONAL");
        Page token = tokenPage(client, email);
        TestDatabase.setTokenFailures(email, 9, null);
        PrometheusText before = Metrics.application();

        submitToken(client, token, "000000");

        PrometheusText after = Metrics.application();
        assertIncrease(1, TOKEN_FAILURES, Map.of(), before, after);
        assertIncrease(1, LOCKOUTS, Map.of("lock", "token_step"), before, after);
        assertIncrease(0, LOCKOUTS, Map.of("lock", "account"), before, after);
    }

    @Test
    void wrongTokenThatLocksAccountCountsOneAccountLockout() {
        WebClient client = portal();
        String email = TestDatabase.newUser("OPTIONAL");
        Page token = tokenPage(client, email);
        TestDatabase.setTokenFailures(email, 49, null);
        PrometheusText before = Metrics.application();

        submitToken(client, token, "000000");

        PrometheusText after = Metrics.application();
        assertIncrease(1, LOCKOUTS, Map.of("lock", "account"), before, after);
        assertIncrease(0, LOCKOUTS, Map.of("lock", "token_step"), before, after);
    }

    @Test
    void confirmedSetupCountsOneSetup() {
        WebClient client = portal();
        client.logIn(TestDatabase.newUser("OPTIONAL"), TestDatabase.DEMO_PASSWORD);
        Page settings = client.open("/app/settings.xhtml");
        Page setup =
                client.submit(settings, "setup-start-form", "setup-start-form:setup", Map.of());
        String key = setup.html().getElementById("manual-key").text().replace(" ", "");
        PrometheusText before = Metrics.application();

        Page wrong =
                client.submit(
                        setup, "setup-form", "setup-form:next", Map.of("setup-form:token", "0"));
        PrometheusText afterWrong = Metrics.application();
        Page done =
                client.submit(
                        setup,
                        "setup-form",
                        "setup-form:next",
                        Map.of("setup-form:token", Commands.totp(key, Instant.now())));

        PrometheusText after = Metrics.application();
        assertTrue(wrong.hasForm("setup-form"), "a wrong setup token: " + wrong.text());
        assertIncrease(0, DEVICE_SETUPS, Map.of("kind", "setup"), before, afterWrong);
        assertTrue(done.text().contains("MFA is on"), "device activated: " + done.text());
        assertIncrease(1, DEVICE_SETUPS, Map.of("kind", "setup"), before, after);
        assertIncrease(0, DEVICE_SETUPS, Map.of("kind", "replacement"), before, after);
    }

    @Test
    void staffResetCountsOneReset() {
        long company = TestDatabase.newCompany("OPTIONAL");
        WebClient staff = admin();
        staff.logIn(
                TestDatabase.newAccountIn(company, "COMPANY_ADMIN"), TestDatabase.DEMO_PASSWORD);
        String user = TestDatabase.newAccountIn(company, "USER");
        TestDatabase.addActiveDevice(user, SharedSecret.generate());
        Page reset =
                staff.follow(
                        "/app/users.xhtml?q=" + URLEncoder.encode(user, StandardCharsets.UTF_8),
                        "/app/reset.xhtml?user=" + TestDatabase.idOf(user));
        PrometheusText before = Metrics.application();

        staff.submit(
                reset,
                "reset-form",
                "reset-form:reset",
                Map.of("reset-form:reason", "Lost phone; identity checked by call-back"));

        PrometheusText after = Metrics.application();
        assertEquals(List.of(), TestDatabase.deviceStatusesOf(user), "the device was reset");
        assertIncrease(1, RESETS, Map.of(), before, after);
    }

    private static WebClient portal() {
        return new WebClient(System.getProperty("it.base.url"));
    }

    private static WebClient admin() {
        return new WebClient(System.getProperty("it.admin.url"));
    }

    private static Page tokenPageOfNewUserWithDevice(WebClient client) {
        return tokenPage(client, TestDatabase.newUser("OPTIONAL"));
    }

    /** Gives the account a device and logs in with its password, up to the token page. */
    private static Page tokenPage(WebClient client, String email) {
        TestDatabase.addActiveDevice(email, SharedSecret.generate());
        Page token = client.logIn(email, TestDatabase.DEMO_PASSWORD);
        assertEquals("/token.xhtml", token.path(), "a device means a token page: " + token.text());
        return token;
    }

    private static Page submitToken(WebClient client, Page token, String value) {
        return client.submit(
                token, "token-form", "token-form:submit", Map.of("token-form:token", value));
    }

    private static void assertIncrease(
            double expected,
            String name,
            Map<String, String> labels,
            PrometheusText before,
            PrometheusText after) {
        assertEquals(
                expected,
                after.value(name, labels) - before.value(name, labels),
                name + labels + " moved by " + expected);
    }
}
