package org.mfaplatform.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mfaplatform.it.support.Commands;
import org.mfaplatform.it.support.TestDatabase;
import org.mfaplatform.it.support.WebClient;
import org.mfaplatform.it.support.WebClient.Page;

/**
 * Two servers of the product against one PostgreSQL database, with the product's own switches for
 * it (bootstrap.properties: {@code mfa.database=postgresql}, {@code mfa.sessions=database}), and a
 * load balancer without affinity in front: every visitor keeps one cookie store and sends each
 * request to whichever node the test picks. A login begun on one node finishes on the other, and
 * neither a token nor a count of wrong tokens or passwords can be had twice by switching nodes.
 *
 * <p>The test starts and stops both servers itself, once for the class; it needs PostgreSQL only,
 * never the suite's Arquillian server, and is tagged so that a run of the suite on another database
 * can leave it out.
 */
@Tag("two-nodes")
class TwoNodeIT {

    private static final Logger LOG = Logger.getLogger(TwoNodeIT.class.getName());

    /** An RFC 4648 Base32 key of 20 bytes, as the platform generates them. */
    private static final String DEVICE_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private static final String DATABASE = System.getProperty("it.cluster.db.url");

    private static final String WRONG_PASSWORD = "Email or password is wrong.";
    private static final String THROTTLED = "Too many failed logins. Try again in 1 minute.";
    private static final String TOKEN_LOCKED = "The token step is locked for a while";
    private static final String TOO_MANY_TOKENS = "Too many wrong tokens for this login";
    private static final String SETUP_DONE = "MFA is on.";

    /** Wrong passwords for one email and address before the next attempt waits (mfa.xml). */
    private static final int FREE_PASSWORD_FAILURES = 5;

    /** Wrong tokens one login may give (mfa.xml); the last of them ends the login. */
    private static final int TOKEN_TRIES_PER_LOGIN = 5;

    private static final LibertyNode NODE_A =
            new LibertyNode(
                    System.getProperty("it.node.a.server"),
                    Integer.getInteger("it.node.a.https.port"));

    private static final LibertyNode NODE_B =
            new LibertyNode(
                    System.getProperty("it.node.b.server"),
                    Integer.getInteger("it.node.b.https.port"));

    private static Instant classStarted;

    @BeforeAll
    static void startBothNodes() {
        classStarted = Instant.now();
        // Node A alone first: on an empty database it creates the tables and the demo accounts,
        // which
        // two servers starting at once would both try, one of them failing.
        NODE_A.start();
        Duration nodeA = Duration.between(classStarted, Instant.now());
        NODE_B.start();
        LOG.log(
                Level.INFO,
                "Both nodes answer: node A after {0} s, both after {1} s",
                new Object[] {
                    nodeA.toSeconds(), Duration.between(classStarted, Instant.now()).toSeconds()
                });
    }

    @AfterAll
    static void stopBothNodes() throws InterruptedException {
        Thread stopA = new Thread(NODE_A::stop);
        stopA.start();
        NODE_B.stop();
        stopA.join();
        LOG.log(
                Level.INFO,
                "Two-node test took {0} s, starting and stopping both nodes included",
                Duration.between(classStarted, Instant.now()).toSeconds());
    }

    /** A session a node failed to store breaks only the next request on the other one. */
    @AfterEach
    void neitherNodeFailedToStoreASession() {
        assertEquals(List.of(), NODE_A.sessionStoreFailures(), NODE_A.name());
        assertEquals(List.of(), NODE_B.sessionStoreFailures(), NODE_B.name());
    }

    @Test
    void passwordOnOneNodeAndTokenOnTheOtherLogsIn() {
        String email = userWithDevice();
        Visitor visitor = new Visitor();
        Page tokenPage = visitor.onA().logIn(email, TestDatabase.DEMO_PASSWORD);
        assertEquals("/token.xhtml", tokenPage.path(), "node A asks for the token");

        Page home = giveToken(visitor.onB(), tokenPage, currentToken());

        assertEquals("/app/index.xhtml", home.path(), "node B finishes the login: " + home.text());
        assertEquals(
                "/app/index.xhtml",
                visitor.onA().get("/app/index.xhtml").path(),
                "node A serves the logged-in session too");
    }

    @Test
    void setupStartedOnOneNodeIsConfirmedOnTheOtherAndTheSessionStoreNeverHoldsItsKey() {
        String email = TestDatabase.newUser(DATABASE, "OPTIONAL");
        Visitor visitor = new Visitor();
        assertEquals(
                "/app/index.xhtml", visitor.onA().logIn(email, TestDatabase.DEMO_PASSWORD).path());
        Page settings = visitor.onA().open("/app/settings.xhtml");

        Page started =
                postTo(
                        visitor.onB(),
                        settings,
                        "setup-start-form",
                        "setup-start-form:setup",
                        Map.of());
        Element shownKey = started.html().getElementById("manual-key");
        assertNotNull(shownKey, "node B shows the new key: " + started.text());
        String key = shownKey.text().replace(" ", "");
        assertTrue(
                sessionStoreHolds("org.mfaplatform.enrollment.boundary.SetupChallenge"),
                "node B stored the view with the setup under way");
        assertFalse(
                sessionStoreHolds(shownKey.text()) || sessionStoreHolds(key),
                "the session store holds the TOTP key in the clear");
        Page confirmed =
                postTo(
                        visitor.onA(),
                        started,
                        "setup-form",
                        "setup-form:next",
                        Map.of("setup-form:token", Commands.totp(key, Instant.now())));

        assertTrue(
                confirmed.text().contains(SETUP_DONE),
                "node A confirms the setup node B started: " + confirmed.text());
    }

    @Test
    void oneTokenSentToBothNodesAtOnceLogsInOnce() throws Exception {
        String email = userWithDevice();
        Visitor first = new Visitor();
        Visitor second = new Visitor();
        Page firstTokenPage = first.onA().logIn(email, TestDatabase.DEMO_PASSWORD);
        Page secondTokenPage = second.onB().logIn(email, TestDatabase.DEMO_PASSWORD);
        String token = currentToken();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService senders = Executors.newFixedThreadPool(2);

        try {
            Future<Page> toB =
                    senders.submit(
                            () -> {
                                together.await(30, TimeUnit.SECONDS);
                                return giveToken(first.onB(), firstTokenPage, token);
                            });
            Future<Page> toA =
                    senders.submit(
                            () -> {
                                together.await(30, TimeUnit.SECONDS);
                                return giveToken(second.onA(), secondTokenPage, token);
                            });
            List<String> landed =
                    List.of(
                            toB.get(120, TimeUnit.SECONDS).path(),
                            toA.get(120, TimeUnit.SECONDS).path());

            assertEquals(
                    1,
                    landed.stream().filter("/app/index.xhtml"::equals).count(),
                    "exactly one login gets in: " + landed);
            assertEquals(
                    1,
                    landed.stream().filter("/token.xhtml"::equals).count(),
                    "the other stays at the token step: " + landed);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void wrongTokensSpreadOverBothNodesCountTogether() {
        String email = userWithDevice();
        String wrong = wrongFor(currentToken());
        Visitor visitor = new Visitor();

        Page firstLogin =
                guessAlternately(
                        visitor, visitor.onA().logIn(email, TestDatabase.DEMO_PASSWORD), wrong);
        assertEquals("/login.xhtml", firstLogin.path(), "the fifth wrong token ends the login");
        assertTrue(firstLogin.text().contains(TOO_MANY_TOKENS), firstLogin.text());
        assertEquals(5, TestDatabase.failedTokensOf(DATABASE, email), "all five counted");

        guessAlternately(visitor, visitor.onB().logIn(email, TestDatabase.DEMO_PASSWORD), wrong);
        assertEquals(10, TestDatabase.failedTokensOf(DATABASE, email), "ten, from both nodes");
        Page thirdLogin = visitor.onA().logIn(email, TestDatabase.DEMO_PASSWORD);
        Page rightToken = giveToken(visitor.onB(), thirdLogin, currentToken());

        assertEquals("/token.xhtml", rightToken.path(), "ten in a row lock the token step");
        assertTrue(rightToken.text().contains(TOKEN_LOCKED), rightToken.text());
    }

    /**
     * Three failures on one node and two on the other reach the free failures together: counted in
     * each server's memory, they would slow neither.
     */
    @Test
    void wrongPasswordsSpreadOverBothNodesCountTogether() {
        String email = TestDatabase.newUser(DATABASE, "OPTIONAL");
        Visitor visitor = new Visitor();
        for (int i = 0; i < FREE_PASSWORD_FAILURES; i++) {
            WebClient node = i % 2 == 0 ? visitor.onA() : visitor.onB();
            Page refused = node.logIn(email, "wrong-password-" + i);
            assertTrue(refused.text().contains(WRONG_PASSWORD), refused.text());
        }

        Page onA = visitor.onA().logIn(email, TestDatabase.DEMO_PASSWORD);
        Page onB = visitor.onB().logIn(email, TestDatabase.DEMO_PASSWORD);

        assertTrue(onA.text().contains(THROTTLED), "node A slows the sixth: " + onA.text());
        assertTrue(onB.text().contains(THROTTLED), "node B slows the sixth: " + onB.text());
    }

    @Test
    void logoutOnOneNodeEndsTheSessionOnTheOther() {
        String email = TestDatabase.newUser(DATABASE, "OPTIONAL");
        Visitor visitor = new Visitor();
        Page home = visitor.onA().logIn(email, TestDatabase.DEMO_PASSWORD);
        assertEquals("/app/index.xhtml", home.path());
        HttpCookie loggedIn = visitor.sessionCookie();

        Page loggedOut = postTo(visitor.onB(), home, "logout-form", "logout-form:logout", Map.of());
        assertEquals("/login.xhtml", loggedOut.path(), "node B logs out: " + loggedOut.text());

        Visitor withCopiedCookie = new Visitor(loggedIn);
        assertEquals(
                "/login.xhtml",
                withCopiedCookie.onA().get("/app/index.xhtml").path(),
                "node A no longer honours the session node B ended");
    }

    /**
     * One browser behind a load balancer without session affinity: one cookie store, and a client
     * for each node that shares it.
     */
    private static final class Visitor {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final WebClient onA = new WebClient(NODE_A.portalUrl(), cookies);
        private final WebClient onB = new WebClient(NODE_B.portalUrl(), cookies);

        Visitor() {}

        /** A browser that starts with a cookie copied from another, as a thief's would. */
        Visitor(HttpCookie copied) {
            cookies.getCookieStore().add(URI.create(NODE_A.portalUrl()), copied);
        }

        WebClient onA() {
            return onA;
        }

        WebClient onB() {
            return onB;
        }

        HttpCookie sessionCookie() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("MFA_PORTAL_SESSION"))
                    .findFirst()
                    .map(cookie -> (HttpCookie) cookie.clone())
                    .orElseThrow(() -> new AssertionError("no session cookie"));
        }
    }

    private static String userWithDevice() {
        String email = TestDatabase.newUser(DATABASE, "OPTIONAL");
        TestDatabase.addActiveDevice(DATABASE, email, DEVICE_KEY);
        return email;
    }

    private static String currentToken() {
        return Commands.totp(DEVICE_KEY, Instant.now());
    }

    private static String wrongFor(String right) {
        return right.equals("000000") ? "111111" : "000000";
    }

    private static Page giveToken(WebClient node, Page tokenPage, String token) {
        return postTo(
                node,
                tokenPage,
                "token-form",
                "token-form:submit",
                Map.of("token-form:token", token));
    }

    /** All the wrong tokens one login may give, to node B, A, B, A and B in turn. */
    private static Page guessAlternately(Visitor visitor, Page tokenPage, String wrong) {
        Page page = tokenPage;
        for (int i = 1; i <= TOKEN_TRIES_PER_LOGIN; i++) {
            assertEquals("/token.xhtml", page.path(), "still at the token step before guess " + i);
            page = giveToken(i % 2 == 1 ? visitor.onB() : visitor.onA(), page, wrong);
        }
        return page;
    }

    /**
     * Clicks {@code button} of a form that one node rendered, but sends it to {@code node}: the
     * view state in it must be known there too.
     */
    private static Page postTo(
            WebClient node, Page page, String formId, String button, Map<String, String> changed) {
        Map<String, String> fields = WebClient.fieldsOf(page, formId, button);
        fields.putAll(changed);
        String action = URI.create(page.html().getElementById(formId).absUrl("action")).getPath();
        return node.send("POST", action, fields);
    }

    /**
     * Whether any stored session holds this ASCII text, in any of its columns. Serialized strings
     * keep ASCII as it is; ISO-8859-1 turns each byte into one character, so a plain search finds
     * it.
     */
    private static boolean sessionStoreHolds(String text) {
        try (Connection db =
                        DriverManager.getConnection(
                                DATABASE, System.getProperty("it.db.user"), "");
                Statement select = db.createStatement();
                ResultSet sessions =
                        select.executeQuery("SELECT small, medium, large FROM sessions")) {
            while (sessions.next()) {
                for (int column = 1; column <= 3; column++) {
                    byte[] value = sessions.getBytes(column);
                    if (value != null
                            && new String(value, StandardCharsets.ISO_8859_1).contains(text)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the session store", e);
        }
    }
}
