package org.mfaplatform.it.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/**
 * The portal's token step over HTTP, as someone who already has the password would attack it:
 * parallel replays of one code, guessing within one login, guessing while the step is locked, and
 * the way back for the owner once wrong tokens locked the whole account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenStepIT {

    /** An RFC 4648 Base32 key of 20 bytes, as the platform generates them. */
    private static final String DEVICE_KEY = "KRUGS4ZANFZSAYLOEB2GK43UEBVWK6JA";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    private static WebClient portal() {
        return new WebClient(System.getProperty("it.base.url"));
    }

    private static WebClient adminSite() {
        return new WebClient(System.getProperty("it.admin.url"));
    }

    private static Page submitToken(WebClient client, Page tokenPage, String token) {
        return client.submit(
                tokenPage, "token-form", "token-form:submit", Map.of("token-form:token", token));
    }

    /** A user with an active device whose password was just given: on the token page. */
    private static String userWithDevice() {
        String email = TestDatabase.newUser("OPTIONAL");
        TestDatabase.addActiveDevice(email, DEVICE_KEY);
        return email;
    }

    private static String wrongFor(String right) {
        return right.equals("000000") ? "111111" : "000000";
    }

    @Test
    void oneCodeFromTwentyParallelPendingLoginsLogsInOnce() throws Exception {
        String email = userWithDevice();
        int logins = 20;
        List<WebClient> clients = new ArrayList<>();
        List<Page> tokenPages = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            WebClient client = portal();
            Page token = client.logIn(email, TestDatabase.DEMO_PASSWORD);
            assertEquals("/token.xhtml", token.path(), "pending login " + i);
            clients.add(client);
            tokenPages.add(token);
        }
        String code = Commands.totp(DEVICE_KEY, Instant.now());
        CyclicBarrier start = new CyclicBarrier(logins);
        ExecutorService pool = Executors.newFixedThreadPool(logins);

        List<Future<Page>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < logins; i++) {
                WebClient client = clients.get(i);
                Page tokenPage = tokenPages.get(i);
                answers.add(
                        pool.submit(
                                () -> {
                                    start.await(30, TimeUnit.SECONDS);
                                    return submitToken(client, tokenPage, code);
                                }));
            }
            List<String> landed = new ArrayList<>();
            for (Future<Page> answer : answers) {
                landed.add(answer.get(120, TimeUnit.SECONDS).path());
            }

            assertEquals(
                    1,
                    landed.stream().filter("/app/index.xhtml"::equals).count(),
                    "exactly one login gets in: " + landed);
            assertEquals(
                    logins - 1,
                    landed.stream().filter("/token.xhtml"::equals).count(),
                    "the others stay at the token step: " + landed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fifthWrongTokenEndsThePendingLogin() {
        String email = userWithDevice();
        WebClient client = portal();
        Page page = client.logIn(email, TestDatabase.DEMO_PASSWORD);
        String wrong = wrongFor(Commands.totp(DEVICE_KEY, Instant.now()));

        for (int i = 1; i <= 4; i++) {
            page = submitToken(client, page, wrong);
            assertEquals("/token.xhtml", page.path(), "wrong token " + i + " stays");
            assertTrue(page.text().contains("That token is not valid"), page.text());
        }
        page = submitToken(client, page, wrong);

        assertEquals("/login.xhtml", page.path(), "the fifth ends the login");
        assertTrue(page.text().contains("Too many wrong tokens for this login"), page.text());
        assertEquals(
                "/login.xhtml",
                client.get("/token.xhtml").path(),
                "no token step without the password again");
        assertEquals(5, TestDatabase.failedTokensOf(email), "each counted for the account");
    }

    @Test
    void whileLockedRightAndWrongCodesGetTheSameAnswerAndAreNotCounted() {
        String email = userWithDevice();
        WebClient first = portal();
        WebClient second = portal();
        Page firstTokenPage = first.logIn(email, TestDatabase.DEMO_PASSWORD);
        Page secondTokenPage = second.logIn(email, TestDatabase.DEMO_PASSWORD);
        TestDatabase.setTokenFailures(email, 10, Instant.now().plusSeconds(15 * 60));
        String right = Commands.totp(DEVICE_KEY, Instant.now());

        Page rightAnswer = submitToken(first, firstTokenPage, right);
        Page wrongAnswer = submitToken(second, secondTokenPage, wrongFor(right));

        assertEquals(wrongAnswer.status(), rightAnswer.status());
        assertEquals(wrongAnswer.path(), rightAnswer.path());
        assertEquals(comparable(wrongAnswer), comparable(rightAnswer), "same page");
        assertEquals(headersOf(wrongAnswer), headersOf(rightAnswer), "same headers");
        assertTrue(rightAnswer.text().contains("locked"), rightAnswer.text());
        assertEquals(10, TestDatabase.failedTokensOf(email), "neither code was evaluated");
    }

    @Test
    void lockedAccountIsToldOnlyAfterTheRightPasswordAndStaffUnlockItWithTemporaryPassword() {
        long company = TestDatabase.newCompany("OPTIONAL");
        String adminEmail = TestDatabase.newAccountIn(company, "COMPANY_ADMIN");
        String email = TestDatabase.newAccountIn(company, "USER");
        TestDatabase.addActiveDevice(email, DEVICE_KEY);
        TestDatabase.lockAccount(email);

        Page wrongPassword = portal().logIn(email, "not the password");
        Page rightPassword = portal().logIn(email, TestDatabase.DEMO_PASSWORD);

        assertTrue(wrongPassword.text().contains("Email or password is wrong"));
        assertEquals("/login.xhtml", rightPassword.path());
        assertTrue(rightPassword.text().contains("This account is locked"), rightPassword.text());

        WebClient admin = adminSite();
        admin.logIn(adminEmail, TestDatabase.DEMO_PASSWORD);
        Page reset =
                admin.get("/app/users.xhtml?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        String resetLink = reset.html().selectFirst("a.reset-link").absUrl("href");
        Page resetPage = admin.get(resetLink);
        assertTrue(resetPage.text().contains("Wrong tokens locked this account"), resetPage.text());
        Page unlocked =
                admin.submit(
                        resetPage,
                        "reset-form",
                        "reset-form:reset",
                        Map.of("reset-form:reason", "identity checked by call-back"));
        String temporary = unlocked.html().getElementById("temporary-password").text();

        WebClient user = portal();
        Page changePage = user.logIn(email, temporary);
        assertEquals("/password-required.xhtml", changePage.path(), "the new password comes first");
        assertEquals(
                "/password-required.xhtml",
                user.get("/app/index.xhtml").path(),
                "nothing else is reachable");
        String chosen = "my own long passphrase";
        Page home =
                user.submit(
                        changePage,
                        "password-form",
                        "password-form:save",
                        Map.of(
                                "password-form:new-password", chosen,
                                "password-form:confirmation", chosen));

        assertEquals("/app/index.xhtml", home.path(), "in: the reset removed the device");
        assertEquals("/login.xhtml", portal().logIn(email, temporary).path(), "temporary is gone");
        assertEquals("/app/index.xhtml", portal().logIn(email, chosen).path());
    }

    /** The page without what differs between any two renderings: the Faces state and token. */
    private static String comparable(Page page) {
        return page.body()
                .replaceAll(
                        "(name=\"jakarta.faces.(ViewState|ClientWindow|Token)\"[^>]*value=\")[^\"]*",
                        "$1")
                .replaceAll(
                        "(id=\"j_id\\d+:jakarta.faces.ViewState:\\d+\"[^>]*value=\")[^\"]*", "$1");
    }

    /** Headers by name, without those that differ on any two answers: date and length. */
    private static Map<String, List<String>> headersOf(Page page) {
        Map<String, List<String>> headers = new TreeMap<>(page.headers().map());
        headers.remove("date");
        headers.remove("content-length");
        return headers;
    }
}
