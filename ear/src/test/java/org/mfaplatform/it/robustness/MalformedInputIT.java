package org.mfaplatform.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mfaplatform.it.support.DatabaseSnapshot;
import org.mfaplatform.it.support.TestDatabase;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;

/**
 * Every form of both sites gets the same list of malformed values, tampered hidden fields and view
 * state, and the wrong HTTP methods, as hand-made requests. Each answer must be a page with a
 * message or a 4xx, never a 5xx or a stack trace, and the database must keep every row as it was,
 * except the counts and audit records of wrong tokens, which are meant to change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MalformedInputIT {

    private static final String VALUES = "org.mfaplatform.it.robustness.MalformedValues#all";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void portalLoginRefusesMalformedEmailOrPasswordWithMessage(String name, String value) {
        logInWithMalformedValues(Forms.PORTAL_LOGIN, name, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void adminLoginRefusesMalformedEmailOrPasswordWithMessage(String name, String value) {
        logInWithMalformedValues(Forms.ADMIN_LOGIN, name, value);
    }

    private void logInWithMalformedValues(Forms form, String name, String value) {
        Forms.Arranged login = form.arrange();
        List<String> before = DatabaseSnapshot.take();

        Page badEmail =
                login.client()
                        .submit(
                                login.page(),
                                form.formId,
                                form.button,
                                Map.of(
                                        "login-form:email",
                                        value,
                                        "login-form:password",
                                        TestDatabase.DEMO_PASSWORD));
        Page badPassword =
                login.client()
                        .submit(
                                login.client().get("/login.xhtml"),
                                form.formId,
                                form.button,
                                Map.of(
                                        "login-form:email",
                                        login.email(),
                                        "login-form:password",
                                        value));

        Answers.assertPlain(badEmail, name + " as email");
        Answers.assertPlain(badPassword, name + " as password");
        assertTrue(
                badEmail.path().endsWith("/login.xhtml"), "nobody logged in: " + badEmail.text());
        assertTrue(badPassword.path().endsWith("/login.xhtml"), "nobody logged in");
        expectedEmailMessage(value)
                .ifPresent(
                        message ->
                                assertEquals(
                                        message,
                                        messageBeside(badEmail, "email"),
                                        name + " as email"));
        expectedPasswordMessage(value)
                .ifPresent(
                        message ->
                                assertEquals(
                                        message,
                                        messageBeside(badPassword, "password"),
                                        name + " as password"));
        Answers.assertUnchanged(before, name);
    }

    /** What the login form says beside its email field about a value, where one reason applies. */
    private static Optional<String> expectedEmailMessage(String value) {
        boolean control = value.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        if (value.isBlank() && control) {
            return Optional.empty(); // two faults, two messages: either may come first
        } else if (value.isBlank()) {
            return Optional.of("Email is required.");
        } else if (control) {
            return Optional.of("This field contains characters that cannot be used here.");
        } else if (value.length() > 254) {
            return Optional.of("Email is too long.");
        }
        return Optional.empty();
    }

    /** What the login form says beside its password field, for values it refuses unchecked. */
    private static Optional<String> expectedPasswordMessage(String value) {
        if (value.isBlank()) {
            return Optional.of("Password is required.");
        } else if (value.length() > 1024) {
            return Optional.of("Password is too long.");
        }
        return Optional.empty();
    }

    private static String messageBeside(Page page, String field) {
        return page.html().select("[id=\"login-form:" + field + "\"] ~ span.error").text();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void tokenPageRefusesMalformedTokenWithMessage(String name, String value) {
        Forms.Arranged token = Forms.TOKEN.arrange();
        List<String> before = DatabaseSnapshot.take();

        Page answer = token.submit(value);

        Answers.assertPlain(answer, name);
        assertNotEquals("/app/index.xhtml", answer.path(), "not logged in by " + name);
        Answers.assertUnchanged(before, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void setupRefusesMalformedTokenWithMessageAndKeepsDevicePending(String name, String value) {
        Forms.Arranged setup = Forms.SETUP.arrange();
        List<String> before = DatabaseSnapshot.take();

        Page answer = setup.submit(value);

        Answers.assertPlain(answer, name);
        Answers.assertUnchanged(before, name);
        assertTrue(
                setup.client().open("/app/settings.xhtml").text().contains("not yet confirmed"),
                "device still pending after " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void disableRefusesMalformedTokenWithMessageAndKeepsDevice(String name, String value) {
        Forms.Arranged disable = Forms.DISABLE.arrange();
        List<String> before = DatabaseSnapshot.take();

        Page answer = disable.submit(value);

        Answers.assertPlain(answer, name);
        assertFalse(
                answer.text().contains("That password is not right"),
                "the right password came with " + name + ", so the token was what got checked");
        Answers.assertUnchanged(before, name);
        assertTrue(
                disable.client().open("/app/settings.xhtml").text().contains("Active since"),
                "device still active after " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void policyPreviewAndSaveRefuseMalformedChoiceWithMessage(String name, String value) {
        Forms.Arranged policy = Forms.ADMIN_POLICY.arrange();
        List<String> before = DatabaseSnapshot.take();

        Page preview = policy.submit(value);
        Page legitPreview =
                policy.client()
                        .submit(
                                policy.page(),
                                "policy-form",
                                "policy-form:preview",
                                Map.of("policy-form:policy", "REQUIRED"));
        Page save =
                policy.client()
                        .submit(
                                legitPreview,
                                "policy-form",
                                "policy-form:save",
                                Map.of("policy-form:policy", value));

        Answers.assertPlain(preview, name + " previewed", "[id=policy-form:preview-panel]");
        Answers.assertPlain(save, name + " saved", "[id=policy-form:preview-panel]");
        Answers.assertUnchanged(before, name);
    }

    /**
     * A reason is free text, so some of the values are fair reasons: those reset the user, and then
     * the only rows that change are the user's and one new audit record. Values that cannot be a
     * reason are refused with a message and change nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void resetRefusesMalformedReasonWithMessageAndAcceptsOnlyUsableText(String name, String value) {
        Forms.Arranged reset = Forms.ADMIN_RESET.arrange();
        List<String> before = DatabaseSnapshot.take();

        Page answer = reset.submit(value);

        Answers.assertPlain(answer, name);
        List<String> after = DatabaseSnapshot.take();
        if (!isUsableReason(value)) {
            assertEquals(before, after, "a reason like " + name + " is refused");
            return;
        }
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        String userId = "id=" + TestDatabase.idOf(reset.email()) + " ";
        assertTrue(
                removed.size() == 1 && removed.get(0).contains(userId),
                "only the user's row changed: " + removed);
        assertEquals(2, added.size(), "the user's row and one audit record: " + added);
        assertTrue(
                added.stream().anyMatch(row -> row.contains("type=MFA_RESET")),
                "the reset is in the audit trail: " + added);
    }

    /** What the reset form must take as a reason: some visible text of at most 500 characters. */
    private static boolean isUsableReason(String value) {
        String stripped = value.strip();
        return !stripped.isEmpty()
                && stripped.length() <= 500
                && stripped.chars()
                        .allMatch(c -> !Character.isISOControl(c) || c == '\r' || c == '\n');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(VALUES)
    void userSearchAnswersMalformedFilterWithList(String name, String value) {
        WebClient admin = Forms.admin();
        Forms.logIn(admin, TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN"));
        List<String> before = DatabaseSnapshot.take();
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);

        for (String parameter : List.of("q", "status", "page")) {
            Page answer = admin.get("/app/users.xhtml?" + parameter + "=" + encoded);
            Answers.assertPlain(answer, name + " as " + parameter, "table#users");
        }
        Page csv = admin.get("/app/users.csv?q=" + encoded);
        Answers.assertPlainDownload(csv, name + " in the CSV export");
        Answers.assertUnchanged(before, name);
    }

    /** Hidden fields and view state as a hand-made or replayed request might carry them. */
    enum Tampering {
        VIEW_STATE_GARBAGE,
        VIEW_STATE_EMPTY,
        VIEW_STATE_MISSING,
        VIEW_STATE_10_KB,
        VIEW_STATE_NUL,
        VIEW_STATE_OF_ANOTHER_SESSION,
        FORM_MARKER_MISSING,
        FORM_MARKER_OF_ANOTHER_FORM,
        UNKNOWN_BUTTON,
        UNEXPECTED_FIELDS;

        Map<String, String> applyTo(Map<String, String> fields, Forms form) {
            String viewState = "jakarta.faces.ViewState";
            switch (this) {
                case VIEW_STATE_GARBAGE -> fields.put(viewState, "garbage:1234");
                case VIEW_STATE_EMPTY -> fields.put(viewState, "");
                case VIEW_STATE_MISSING -> fields.remove(viewState);
                case VIEW_STATE_10_KB -> fields.put(viewState, "7".repeat(10 * 1024));
                case VIEW_STATE_NUL -> fields.put(viewState, "\u0000");
                case VIEW_STATE_OF_ANOTHER_SESSION ->
                        fields.put(
                                viewState,
                                WebClient.fieldsOf(
                                                Forms.portal().get("/login.xhtml"),
                                                "login-form",
                                                "login-form:submit")
                                        .get(viewState));
                case FORM_MARKER_MISSING -> fields.remove(form.formId);
                case FORM_MARKER_OF_ANOTHER_FORM -> fields.put(form.formId, "logout-form");
                case UNKNOWN_BUTTON -> {
                    fields.remove(form.button);
                    fields.put(form.formId + ":no-such-button", "x");
                }
                case UNEXPECTED_FIELDS -> {
                    fields.put(form.formId + ":role", "SUPPORT");
                    fields.put("jakarta.faces.ClientWindow", "<script>alert(1)</script>");
                    fields.put("jakarta.faces.source", form.button);
                }
            }
            return fields;
        }
    }

    static Stream<Arguments> formsAndTamperings() {
        return Stream.of(Forms.values())
                .flatMap(
                        form ->
                                Stream.of(Tampering.values())
                                        .map(tampering -> Arguments.of(form, tampering)));
    }

    /** The typed field stays as the page gave it (empty), so no tampering can pass as an act. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formsAndTamperings")
    void tamperedHiddenFieldsAreAnsweredPlainlyAndChangeNothing(Forms form, Tampering tampering) {
        Forms.Arranged arranged = form.arrange();
        List<String> before = DatabaseSnapshot.take();

        Page answer =
                arranged.client()
                        .post(
                                arranged.page(),
                                form.formId,
                                tampering.applyTo(arranged.fields(), form));

        Answers.assertPlain(answer, form + " " + tampering, "[id=policy-form:preview-panel]");
        Answers.assertUnchanged(before, form + " " + tampering);
    }

    static Stream<Arguments> formsAndMethods() {
        return Stream.of(Forms.values())
                .flatMap(
                        form ->
                                Stream.of("PUT", "DELETE", "PATCH", "GET")
                                        .map(method -> Arguments.of(form, method)));
    }

    /** A postback sent with another method; GET carries the fields in the query string. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formsAndMethods")
    void postbackWithWrongMethodIsRefusedAndChangesNothing(Forms form, String method) {
        Forms.Arranged arranged = form.arrange();
        String action = arranged.page().html().getElementById(form.formId).absUrl("action");
        List<String> before = DatabaseSnapshot.take();

        Page answer =
                method.equals("GET")
                        ? arranged.client().get(action + "?" + WebClient.encoded(arranged.fields()))
                        : arranged.client().send(method, action, arranged.fields());

        Answers.assertPlain(answer, form + " by " + method);
        assertTrue(
                answer.status() >= 400 || !method.equals("PUT") && !method.equals("DELETE"),
                form + " by " + method + " must be refused, was " + answer.status());
        Answers.assertUnchanged(before, form + " by " + method);
    }

    @ParameterizedTest
    @EnumSource(
            names = {"PUT", "DELETE", "PATCH"},
            value = Method.class)
    void userSearchWithWrongMethodIsRefused(Method method) {
        WebClient admin = Forms.admin();
        Forms.logIn(admin, TestDatabase.newAccount("OPTIONAL", "COMPANY_ADMIN"));

        Page answer = admin.send(method.name(), "/app/users.xhtml", Map.of("q", "a"));

        Answers.assertPlain(answer, "users page by " + method);
        assertTrue(answer.status() >= 400, method + " refused, was " + answer.status());
    }

    enum Method {
        PUT,
        DELETE,
        PATCH
    }
}
