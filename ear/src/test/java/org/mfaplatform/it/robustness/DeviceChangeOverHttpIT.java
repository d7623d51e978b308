package org.mfaplatform.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.DatabaseSnapshot;
import org.mfaplatform.it.support.TestDatabase;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;
import org.mfaplatform.totp.control.SharedSecret;

/**
 * Disable and Replace device as hand-made HTTP requests would send them, with the right password
 * and a right token each time, so that only the method or the view state can be what refuses them:
 * by GET, and without or with a forged view state, nothing changes. Then the whole replacement,
 * with tokens from oathtool as the old and the new app would show them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceChangeOverHttpIT {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    private static final Duration STEP = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    /** A user with an active device of a known key, logged in with its previous step's token. */
    private record LoggedIn(WebClient client, String email, String key) {}

    private static LoggedIn loggedInWithDevice(String policy) {
        String email = TestDatabase.newUser(policy);
        String key = SharedSecret.generate();
        TestDatabase.addActiveDevice(email, key);
        WebClient client = Forms.portal();
        Page tokenPage = Forms.logIn(client, email);
        assertEquals("/token.xhtml", tokenPage.path(), "a device means a token page");
        // Made only now: the password step can take the clock into the next time step, and the
        // previous step's token made before it would then be two steps old, outside the window.
        String token = Commands.totp(key, Instant.now().minus(STEP));
        Page home =
                client.submit(
                        tokenPage,
                        "token-form",
                        "token-form:submit",
                        Map.of("token-form:token", token));
        assertEquals("/app/index.xhtml", home.path(), "logged in: " + home.text());
        return new LoggedIn(client, email, key);
    }

    private static Page logInWithToken(WebClient client, String email, String token) {
        Page tokenPage = Forms.logIn(client, email);
        assertEquals("/token.xhtml", tokenPage.path(), "a device means a token page");
        return client.submit(
                tokenPage, "token-form", "token-form:submit", Map.of("token-form:token", token));
    }

    /** The fields a click on {@code form}'s button sends, with the right password and token. */
    private static Map<String, String> rightFields(Forms form, Page settings, String key) {
        Map<String, String> fields = WebClient.fieldsOf(settings, form.formId, form.button);
        fields.putAll(form.rightAnswersBeside());
        fields.put(form.field, Commands.totp(key, Instant.now()));
        return fields;
    }

    private static String actionOf(Forms form, Page settings) {
        return settings.html().getElementById(form.formId).absUrl("action");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Forms.class,
            names = {"DISABLE", "REPLACE"})
    void rightPasswordAndTokenByGetAreRefusedAndChangeNothing(Forms form) {
        LoggedIn user = loggedInWithDevice("OPTIONAL");
        Page settings = user.client().open("/app/settings.xhtml");
        Map<String, String> fields = rightFields(form, settings, user.key());
        String action = actionOf(form, settings);
        Map<String, String> withoutViewState = new HashMap<>(fields);
        withoutViewState.remove(VIEW_STATE);
        List<String> before = DatabaseSnapshot.take();

        Page withState = user.client().get(action + "?" + WebClient.encoded(fields));
        Page stateless = user.client().get(action + "?" + WebClient.encoded(withoutViewState));

        assertEquals(405, withState.status(), "a GET carrying the view state");
        assertEquals(400, stateless.status(), "a GET of the protected page without its token");
        Answers.assertUnchanged(before, form + " by GET");
        assertEquals(List.of("ACTIVE"), TestDatabase.deviceStatusesOf(user.email()));
        assertEquals(0, TestDatabase.failedTokensOf(user.email()), "no token was even checked");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Forms.class,
            names = {"DISABLE", "REPLACE"})
    void rightPasswordAndTokenWithoutTheViewStateAreRefusedAndChangeNothing(Forms form) {
        LoggedIn user = loggedInWithDevice("OPTIONAL");
        Page settings = user.client().open("/app/settings.xhtml");
        String action = actionOf(form, settings);
        // What a foreign page can post: every field but the view state, which it cannot read.
        Map<String, String> missing = rightFields(form, settings, user.key());
        missing.remove(VIEW_STATE);
        Map<String, String> forged = rightFields(form, settings, user.key());
        forged.put(VIEW_STATE, "-4260311624316148233:5148862563813254542");
        Map<String, String> ofAnotherSession = rightFields(form, settings, user.key());
        ofAnotherSession.put(
                VIEW_STATE,
                WebClient.fieldsOf(
                                Forms.portal().get("/login.xhtml"),
                                "login-form",
                                "login-form:submit")
                        .get(VIEW_STATE));
        List<String> before = DatabaseSnapshot.take();

        Page answerMissing = user.client().send("POST", action, missing);
        Page answerForged = user.client().send("POST", action, forged);
        Page answerOther = user.client().send("POST", action, ofAnotherSession);

        assertEquals(400, answerMissing.status(), "view state missing");
        assertEquals(400, answerForged.status(), "view state forged");
        assertEquals(400, answerOther.status(), "view state of another session");
        Answers.assertUnchanged(before, form + " without its view state");
        assertEquals(List.of("ACTIVE"), TestDatabase.deviceStatusesOf(user.email()));
        assertEquals(0, TestDatabase.failedTokensOf(user.email()), "no token was even checked");
    }

    @Test
    void disableRefusesWrongPasswordWithItsOwnMessageAndCountsNoToken() {
        LoggedIn user = loggedInWithDevice("OPTIONAL");
        Page settings = user.client().open("/app/settings.xhtml");

        Page answer =
                user.client()
                        .submit(
                                settings,
                                "disable-form",
                                "disable-form:disable",
                                Map.of(
                                        "disable-form:password",
                                        "not the password",
                                        "disable-form:token",
                                        Commands.totp(user.key(), Instant.now())));

        assertTrue(answer.text().contains("That password is not right"), answer.text());
        assertFalse(answer.text().contains("That token is not valid"), answer.text());
        assertEquals(0, TestDatabase.failedTokensOf(user.email()));
        assertEquals(List.of("ACTIVE"), TestDatabase.deviceStatusesOf(user.email()));
    }

    @Test
    void replacementOverHttpKeepsTheOldDeviceUntilTheNewOneIsConfirmed() {
        LoggedIn user = loggedInWithDevice("REQUIRED");
        Instant now = Instant.now();
        Page settings = user.client().open("/app/settings.xhtml");
        assertFalse(settings.hasForm("disable-form"), "a required device cannot be turned off");

        Page wrongPassword =
                user.client()
                        .submit(
                                settings,
                                "replace-form",
                                "replace-form:replace",
                                Map.of(
                                        "replace-form:password",
                                        "not the password",
                                        "replace-form:token",
                                        Commands.totp(user.key(), now)));
        Page started =
                user.client()
                        .submit(
                                wrongPassword,
                                "replace-form",
                                "replace-form:replace",
                                Map.of(
                                        "replace-form:password",
                                        TestDatabase.DEMO_PASSWORD,
                                        "replace-form:token",
                                        Commands.totp(user.key(), now)));
        String newKey = started.html().getElementById("manual-key").text().replace(" ", "");
        Page qrCode = user.client().get("/mfa-qr.png");
        List<String> whilePending = TestDatabase.deviceStatusesOf(user.email());
        Page oldDeviceLogin =
                logInWithToken(
                        Forms.portal(), user.email(), Commands.totp(user.key(), now.plus(STEP)));
        Page newDeviceLogin =
                logInWithToken(Forms.portal(), user.email(), Commands.totp(newKey, now));

        Page confirmed =
                user.client()
                        .submit(
                                started,
                                "setup-form",
                                "setup-form:next",
                                Map.of("setup-form:token", Commands.totp(newKey, now)));
        Page newDeviceLater =
                logInWithToken(Forms.portal(), user.email(), Commands.totp(newKey, now.plus(STEP)));

        assertTrue(
                wrongPassword.text().contains("That password is not right"), wrongPassword.text());
        assertFalse(wrongPassword.hasForm("setup-form"), "no new key without the password");
        assertTrue(started.hasForm("setup-form"), "the new key is shown: " + started.text());
        assertTrue(started.text().contains("your current device keeps working"), started.text());
        assertEquals(200, qrCode.status(), "the new device's QR code is served");
        assertEquals("image/png", qrCode.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of("ACTIVE", "PENDING"), whilePending);
        assertEquals("/app/index.xhtml", oldDeviceLogin.path(), "the old device still logs in");
        assertEquals("/token.xhtml", newDeviceLogin.path(), "the new app does not, yet");
        assertTrue(confirmed.text().contains("Your new device is active"), confirmed.text());
        assertEquals("/app/index.xhtml", newDeviceLater.path(), "the new app logs in");
        assertEquals(List.of("ACTIVE"), TestDatabase.deviceStatusesOf(user.email()));
        assertEquals(404, user.client().get("/mfa-qr.png").status(), "no QR code once active");
    }
}
