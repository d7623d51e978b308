package org.mfaplatform.benchmark.portal;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
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
 */
public class TokenStepSimulation extends Simulation {

    private final int sessions = Integer.getInteger("bench.sessions", 500);
    private final int rampSeconds = Integer.getInteger("bench.rampSeconds", 20);

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
                                }
                                return session;
                            })
                    .asLongAs(session -> ready.get() < sessions)
                    .on(pause(Duration.ofMillis(100)))
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

    @Override
    public void after() {
        tally.write(System.getProperty("bench.resultFile"), System.nanoTime());
    }
}
