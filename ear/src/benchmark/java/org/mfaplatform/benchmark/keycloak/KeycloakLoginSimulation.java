package org.mfaplatform.benchmark.keycloak;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.crashLoadGeneratorIf;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static java.util.concurrent.TimeUnit.SECONDS;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.mfaplatform.benchmark.support.LoginTally;

/**
 * Keycloak's two-step login under load, the same flow a browser takes: the authorization endpoint's
 * login form, username and password, the OTP form, and the redirect back to the client carrying
 * {@code code=}, which counts as the landing page. Each login starts with an empty cookie jar, so
 * every one is a new session that checks a password and a TOTP code.
 *
 * <p>Closed model: {@code kc.concurrency} virtual users log in one after the other, for {@code
 * kc.durationSeconds}, or until {@code kc.logins} logins in all when that is set (to leave a known
 * number of sessions on the server). Logins completed in the first {@code kc.warmupSeconds} of the
 * duration are not counted, as in our own simulations, so both servers are measured after the JIT
 * compiled their login path. The last line printed is the figure the runner reads: {@code
 * keycloak_logins=<n> keycloak_logins_per_s=<x> keycloak_next_user=<i>}, n and x over the measured
 * part.
 *
 * <p>Keycloak refuses a code its user already used (no reuse), and a user's code changes only every
 * 30 s, so a user must not come back within the same time step: the users are taken in turn from
 * {@code kc.users} of them, and a login that would repeat a code stops the run as failed rather
 * than be sent. Give enough users for the rate: more than 30 s times the logins per second.
 */
public class KeycloakLoginSimulation extends Simulation {

    private static final String BASE_URL =
            System.getProperty("kc.baseUrl", "https://127.0.0.1:8443");
    private static final String REALM = System.getProperty("kc.realm", "bench");
    private static final String CLIENT_ID = System.getProperty("kc.clientId", "bench-client");
    private static final String REDIRECT_URI =
            System.getProperty("kc.redirectUri", "https://127.0.0.1/bench/landing");
    private static final int USERS = Integer.getInteger("kc.users", 1000);
    private static final String OTP_SEED = System.getProperty("kc.otpSeed", "kc-bench");
    // BENCHMARK ONLY: the public password bench/keycloak.sh gives every seeded user.
    private static final String PASSWORD = System.getProperty("kc.password", "bench-password");
    private static final int CONCURRENCY = Integer.getInteger("kc.concurrency", 4);
    private static final int DURATION_SECONDS = Integer.getInteger("kc.durationSeconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("kc.warmupSeconds", 0);
    private static final long LOGINS = Long.getLong("kc.logins", 0);
    // Where the previous run stopped (bench/keycloak.sh keeps it): Keycloak remembers used codes
    // across runs, so a run straight after another must not start over with the same users.
    private static final long FIRST_USER = Long.getLong("kc.firstUser", 0);

    private final KeycloakUsers users = new KeycloakUsers(OTP_SEED);
    private final AtomicLong nextUser = new AtomicLong(FIRST_USER);
    private final AtomicLongArray lastTimeStep = new AtomicLongArray(USERS);
    private final AtomicLong loginsStarted = new AtomicLong();
    private final LoginTally tally = new LoginTally();
    private volatile long startedMillis;
    private volatile long startedNanos;

    private final HttpProtocolBuilder protocol =
            http.baseUrl(BASE_URL)
                    .disableFollowRedirect()
                    .disableWarmUp()
                    .acceptHeader("text/html,application/xhtml+xml")
                    .userAgentHeader("mfa-benchmark");

    private final ChainBuilder login =
            exec(flushCookieJar())
                    .feed(new UserFeeder())
                    .exec(
                            http("kc authorization endpoint")
                                    .get(authorizationPath())
                                    .check(status().is(200))
                                    .check(css("#kc-form-login", "action").saveAs("loginAction")))
                    .exec(
                            http("kc password")
                                    .post("#{loginAction}")
                                    .formParam("username", "#{username}")
                                    .formParam("password", PASSWORD)
                                    .formParam("credentialId", "")
                                    .check(status().is(200))
                                    .check(css("#kc-otp-login-form", "action").saveAs("otpAction")))
                    .exec(this::currentCode)
                    .exec(
                            crashLoadGeneratorIf(
                                    "A user came back within one 30 s time step, and Keycloak"
                                            + " refuses a code used twice: raise kc.users",
                                    session -> session.getBoolean("codeAlreadyUsed")))
                    .exec(
                            http("kc otp")
                                    .post("#{otpAction}")
                                    .formParam("otp", "#{otp}")
                                    .formParam("login", "Sign In")
                                    .check(status().is(302))
                                    .check(
                                            header("Location")
                                                    .transform(this::isCodeRedirect)
                                                    .is(true)))
                    .exec(
                            session -> {
                                tally.completed();
                                return session;
                            });

    private final ScenarioBuilder scenario =
            scenario("Keycloak two-step login")
                    .exec(asLongAs(session -> mayStartLogin()).on(exitBlockOnFail().on(login)));

    {
        setUp(scenario.injectOpen(atOnceUsers(CONCURRENCY)))
                .protocols(protocol)
                .maxDuration(longestRun())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        startedMillis = System.currentTimeMillis();
        startedNanos = System.nanoTime();
        tally.measureFrom(startedNanos + SECONDS.toNanos(WARMUP_SECONDS));
    }

    @Override
    public void after() {
        long end =
                LOGINS > 0 ? System.nanoTime() : startedNanos + SECONDS.toNanos(DURATION_SECONDS);
        LoginTally.Rate rate = tally.rate(end);
        System.out.printf(
                Locale.ROOT,
                "keycloak_logins=%d keycloak_logins_per_s=%.2f keycloak_next_user=%d%n",
                rate.measured(),
                rate.perSecond(),
                nextUser.get() % USERS);
    }

    /** A safety net only: a counted run at a few logins per second may take an hour. */
    private static Duration longestRun() {
        return LOGINS > 0 ? Duration.ofHours(6) : Duration.ofSeconds(DURATION_SECONDS + 600L);
    }

    private boolean mayStartLogin() {
        if (LOGINS > 0) {
            return loginsStarted.incrementAndGet() <= LOGINS;
        }
        return System.currentTimeMillis() - startedMillis < DURATION_SECONDS * 1000L;
    }

    /** The code of this moment's time step, and whether this user already sent it. */
    private Session currentCode(Session session) {
        int user = session.getInt("userIndex");
        long step = TotpGenerator.timeStep(System.currentTimeMillis());
        boolean alreadyUsed = lastTimeStep.getAndSet(user, step) == step;
        return session.set("otp", TotpGenerator.code(users.otpSecret(user), step))
                .set("codeAlreadyUsed", alreadyUsed);
    }

    private boolean isCodeRedirect(String location) {
        return location.startsWith(REDIRECT_URI + "?") && location.contains("code=");
    }

    private static String authorizationPath() {
        return "/realms/"
                + REALM
                + "/protocol/openid-connect/auth?client_id="
                + encode(CLIENT_ID)
                + "&response_type=code&scope=openid&redirect_uri="
                + encode(REDIRECT_URI);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Users in turn, endlessly; virtual users take from it concurrently. */
    private final class UserFeeder implements Iterator<Map<String, Object>> {

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            int index = (int) (nextUser.getAndIncrement() % USERS);
            return Map.of("userIndex", index, "username", KeycloakUsers.username(index));
        }
    }
}
