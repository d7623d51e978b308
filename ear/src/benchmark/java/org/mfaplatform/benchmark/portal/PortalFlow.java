package org.mfaplatform.benchmark.portal;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.mfaplatform.benchmark.support.BenchmarkUser;

/**
 * The steps of the portal's login as a browser takes them, shared by the simulations: the Faces
 * forms are posted back with the view state read from the page, as the integration tests' WebClient
 * does.
 */
final class PortalFlow {

    static final String VIEW_STATE = "input[name='jakarta.faces.ViewState']";

    private PortalFlow() {}

    static HttpProtocolBuilder protocol() {
        // Gatling accepts the server's self-signed certificate without being told to.
        return http.baseUrl(System.getProperty("bench.baseUrl", "https://localhost:9783"))
                .disableCaching()
                .acceptHeader("text/html")
                .userAgentHeader("mfa-benchmark");
    }

    /**
     * Users in order from {@code bench.firstUser}, wrapping at {@code bench.users}: bench/run moves
     * the start on after each run, so one run's users are not the last run's.
     */
    static Iterator<Map<String, Object>> users() {
        int count = Integer.getInteger("bench.users", 1000);
        AtomicInteger next = new AtomicInteger(Integer.getInteger("bench.firstUser", 0));
        return Stream.generate(
                        () ->
                                Map.<String, Object>of(
                                        "index", Math.floorMod(next.getAndIncrement(), count)))
                .iterator();
    }

    static BenchmarkUser user(Session session) {
        return new BenchmarkUser(session.getInt("index"));
    }

    /** Login page, then email and password; ends on the token page with its view state saved. */
    static ChainBuilder passwordStep() {
        return exec(
                http("login page")
                        .get("/login.xhtml")
                        .check(status().is(200), css(VIEW_STATE, "value").saveAs("viewState")),
                http("password")
                        .post("/login.xhtml")
                        .formParam("login-form", "login-form")
                        .formParam("login-form:email", session -> user(session).email())
                        .formParam("login-form:password", BenchmarkUser.PASSWORD)
                        .formParam("login-form:submit", "Log in")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .check(
                                status().is(200),
                                currentLocationRegex(".*/token\\.xhtml.*").exists(),
                                css(VIEW_STATE, "value").saveAs("viewState")));
    }

    /** The token of the user's key for now, in the session as {@code token}. */
    static ChainBuilder tokenOfNow() {
        return exec(session -> session.set("token", user(session).codeNow()));
    }
}
