package org.mfaplatform.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;

/**
 * A login form posted with its email or password field left out altogether, which no browser sends:
 * Faces checks a required field only when it is present, so the page itself must refuse it, plainly
 * and without an error page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MissingLoginFieldIT {

    private static final String REFUSED = "Email or password is wrong.";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "it.base.url, login-form:password",
        "it.base.url, login-form:email",
        "it.admin.url, login-form:password",
        "it.admin.url, login-form:email"
    })
    void loginWithoutAFieldIsRefusedPlainly(String site, String leftOut) {
        WebClient client = new WebClient(System.getProperty(site));
        Page login = client.get("/login.xhtml");
        Map<String, String> fields = WebClient.fieldsOf(login, "login-form", "login-form:submit");
        fields.put("login-form:email", "alice@example.com");
        fields.put("login-form:password", "demo-password");
        fields.remove(leftOut);

        Page answer = client.post(login, "login-form", fields);

        assertEquals(200, answer.status(), "the login page again, not an error: " + answer.text());
        assertTrue(answer.text().contains(REFUSED), "refused plainly: " + answer.text());
        assertTrue(answer.hasForm("login-form"), "the form to try again");
    }
}
