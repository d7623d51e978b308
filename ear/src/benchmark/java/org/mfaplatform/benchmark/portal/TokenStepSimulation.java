package org.mfaplatform.benchmark.portal;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.mfaplatform.benchmark.support.LoginTally;

/**
 * The token step alone. Warm-up: {@code bench.sessions} visitors, started over {@code
 * bench.rampSeconds}, each pass the password step and stop on the token page. Once all have (or
 * given up), all send their token at once; only these token POSTs are measured, from the moment the
 * last visitor was ready to the last answer. The answer is not followed: a right token answers with
 * a redirect to the home page, which is not part of the step.
 *
 * <p>A visitor that waits fetches a static page every {@link #KEEP_ALIVE} on its connection: the
 * server closes a connection idle for 30 seconds (Liberty's {@code persistTimeout}), and the early
 * visitors of a long warm-up would otherwise pay a new TLS handshake within their token POST.
 *
 * <p>With {@code bench.serverPid}, the result also gives the server's CPU time per token step, over
 * the same window: the figure that holds on a machine shared with other work.
 */
public class TokenStepSimulation extends Simulation {

    private final int sessions = Integer.getInteger("bench.sessions", 500);
    private final int rampSeconds = Integer.getInteger("bench.rampSeconds", 20);

    /** Well inside Liberty's default keep-alive timeout of 30 seconds. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final AtomicInteger ready = new AtomicInteger();
    private final LoginTally tally = new LoginTally();

    private final ScenarioBuilder tokens =
            scenario("token step alone")
                    .feed(PortalFlow.users())
                    .exitBlockOnFail()
                    .on(PortalFlow.passwordStep())
                    .exec(
                            session -> {
                                if (ready.incrementAndGet() == sessions) {
                                    tally.measureFrom(System.nanoTime());
                                    tally.measureServerCpuFromNow();
                                }
                                return session.set("lastRequest", System.nanoTime());
                            })
                    .asLongAs(session -> ready.get() < sessions)
                    .on(
                            pause(Duration.ofMillis(100)),
                            doIf(TokenStepSimulation::idleTooLong)
                                    .then(
                                            http("keep-alive")
                                                    .get("/unavailable.html")
                                                    .check(status().is(200)),
                                            exec(
                                                    session ->
                                                            session.set(
                                                                    "lastRequest",
                                                                    System.nanoTime()))))
                    .doIf(session -> !session.isFailed())
                    .then(
                            exec(PortalFlow.tokenOfNow()),
                            http("token")
                                    .post("/token.xhtml")
                                    .disableFollowRedirect()
                                    .formParam("token-form", "token-form")
                                    .formParam("token-form:token", "#{token}")
                                    .formParam("token-form:submit", "Next")
                                    .formParam("jakarta.faces.ViewState", "#{viewState}")
                                    .check(
                                            status().is(302),
                                            header("Location")
                                                    .transform(
                                                            location ->
                                                                    location.endsWith(
                                                                            "/app/index.xhtml"))
                                                    .is(true)),
                            exec(
                                    session -> {
                                        if (!session.isFailed()) {
                                            tally.completed();
                                        }
                                        return session;
                                    }));

    {
        setUp(tokens.injectOpen(rampUsers(sessions).during(Duration.ofSeconds(rampSeconds))))
                .protocols(PortalFlow.protocol())
                .maxDuration(Duration.ofMinutes(4));
    }

    private static boolean idleTooLong(Session session) {
        return System.nanoTime() - session.getLong("lastRequest") > KEEP_ALIVE.toNanos();
    }

    @Override
    public void after() {
        tally.write(System.getProperty("bench.resultFile"), System.nanoTime());
    }
}
