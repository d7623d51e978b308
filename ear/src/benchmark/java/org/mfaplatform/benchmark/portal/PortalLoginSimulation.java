package org.mfaplatform.benchmark.portal;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.mfaplatform.benchmark.support.LoginTally;

/**
 * Full two-step logins on the portal, back to back: login page, email and password, token page,
 * token, home page. {@code bench.concurrency} visitors each log in again and again, with a new
 * session (empty cookie jar) each time, for {@code bench.warmupSeconds} unmeasured and then {@code
 * bench.seconds} measured, or until {@code bench.maxLogins} logins have started. The sessions are
 * left open on the server, as users who do not log out leave them, which the memory figures use.
 */
public class PortalLoginSimulation extends Simulation {

    private final int concurrency = Integer.getInteger("bench.concurrency", 4);
    private final long warmupNanos =
            Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5)).toNanos();
    private final long measuredNanos =
            Duration.ofSeconds(Long.getLong("bench.seconds", 30)).toNanos();
    private final int maxLogins = Integer.getInteger("bench.maxLogins", Integer.MAX_VALUE);

    private final AtomicInteger started = new AtomicInteger();
    private final LoginTally tally = new LoginTally();
    private volatile long deadline;

    private final ScenarioBuilder logins =
            scenario("full two-step login")
                    .asLongAs(
                            session ->
                                    System.nanoTime() < deadline
                                            && started.getAndIncrement() < maxLogins)
                    .on(
                            exec(flushCookieJar()),
                            exec(session -> session.markAsSucceeded()),
                            feed(PortalFlow.users()),
                            exitBlockOnFail()
                                    .on(
                                            PortalFlow.passwordStep(),
                                            pause(
                                                    session ->
                                                            Duration.ofMillis(
                                                                    PortalFlow.user(session)
                                                                            .millisUntilFreshStep())),
                                            PortalFlow.tokenOfNow(),
                                            http("token")
                                                    .post("/token.xhtml")
                                                    .formParam("token-form", "token-form")
                                                    .formParam("token-form:token", "#{token}")
                                                    .formParam("token-form:submit", "Next")
                                                    .formParam(
                                                            "jakarta.faces.ViewState",
                                                            "#{viewState}")
                                                    .check(
                                                            status().is(200),
                                                            currentLocationRegex(
                                                                            ".*/app/index\\.xhtml$")
                                                                    .exists(),
                                                            css("h1").exists()),
                                            exec(
                                                    session -> {
                                                        tally.completed();
                                                        return session;
                                                    })));

    {
        setUp(logins.injectOpen(atOnceUsers(concurrency)))
                .protocols(PortalFlow.protocol())
                .maxDuration(Duration.ofNanos(warmupNanos + measuredNanos).plusMinutes(5));
    }

    @Override
    public void before() {
        long start = System.nanoTime();
        tally.measureFrom(start + warmupNanos);
        deadline = start + warmupNanos + measuredNanos;
    }

    @Override
    public void after() {
        tally.write(System.getProperty("bench.resultFile"), deadline);
    }
}
