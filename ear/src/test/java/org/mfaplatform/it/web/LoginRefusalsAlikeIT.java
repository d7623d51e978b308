package org.mfaplatform.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.TestDatabase;

/**
 * An unknown email, a wrong password and a wrong password of an account with MFA get the same
 * answer on both sites: status, redirects, page, cookies, and about the same time. Whether an
 * account exists or has MFA shows only after its right password. Every attempt uses an email of its
 * own, so the password throttle (5 failures per email and address) never takes part.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginRefusalsAlikeIT {

    private static final String DEVICE_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    /** Attempts timed per case; the median of these is compared. */
    private static final int TIMED_ATTEMPTS = 9;

    /** Shared machines are noisy: only a gross difference, like a skipped hash, fails. */
    private static final double SLOWEST_OVER_FASTEST = 3.0;

    private enum Refusal {
        UNKNOWN_EMAIL,
        WRONG_PASSWORD,
        WRONG_PASSWORD_WITH_MFA
    }

    /**
     * What a visitor sees of one refused login, with its values that differ by nature taken out.
     */
    private record Answer(
            int status,
            List<String> redirects,
            List<String> setCookies,
            List<String> cookies,
            String page) {}

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, new File(System.getProperty("mfa.ear")));
    }

    @Test
    void portalRefusesUnknownEmailAndWrongPasswordsAlike() {
        assertAlike(WebClient::portal, "USER");
    }

    @Test
    void adminSiteRefusesUnknownEmailAndWrongPasswordsAlike() {
        assertAlike(WebClient::adminSite, "COMPANY_ADMIN");
    }

    @Test
    void portalRefusalsTakeAboutTheSameTime() {
        assertSimilarTimes(WebClient::portal, "USER");
    }

    @Test
    void adminSiteRefusalsTakeAboutTheSameTime() {
        assertSimilarTimes(WebClient::adminSite, "COMPANY_ADMIN");
    }

    private static void assertAlike(Supplier<WebClient> site, String role) {
        Map<Refusal, Answer> answers = new EnumMap<>(Refusal.class);
        for (Refusal refusal : Refusal.values()) {
            answers.put(refusal, refuse(site.get(), emailFor(refusal, role)));
        }

        Answer unknown = answers.get(Refusal.UNKNOWN_EMAIL);
        assertTrue(unknown.page().contains("Email or password is wrong."), unknown.page());
        for (Refusal refusal : List.of(Refusal.WRONG_PASSWORD, Refusal.WRONG_PASSWORD_WITH_MFA)) {
            Answer answer = answers.get(refusal);
            assertEquals(unknown.status(), answer.status(), refusal + ": status");
            assertEquals(unknown.redirects(), answer.redirects(), refusal + ": redirects");
            assertEquals(unknown.setCookies(), answer.setCookies(), refusal + ": Set-Cookie");
            assertEquals(unknown.cookies(), answer.cookies(), refusal + ": cookies kept");
            assertEquals(unknown.page(), answer.page(), refusal + ": page");
        }
    }

    private static void assertSimilarTimes(Supplier<WebClient> site, String role) {
        // One untimed round, so that the first case does not pay for warming up.
        for (Refusal refusal : Refusal.values()) {
            refuse(site.get(), emailFor(refusal, role));
        }

        Map<Refusal, List<Long>> times = new EnumMap<>(Refusal.class);
        for (int i = 0; i < TIMED_ATTEMPTS; i++) {
            // Interleaved, so a burst of load elsewhere on the machine hits every case alike.
            for (Refusal refusal : Refusal.values()) {
                WebClient visitor = site.get();
                String email = emailFor(refusal, role);
                HttpResponse<String> loginPage = visitor.get("/login.xhtml");
                long start = System.nanoTime();
                HttpResponse<String> answer = submitWrongPassword(visitor, loginPage, email);
                long micros = (System.nanoTime() - start) / 1_000;
                assertTrue(answer.body().contains("Email or password is wrong."), refusal.name());
                times.computeIfAbsent(refusal, none -> new ArrayList<>()).add(micros);
            }
        }

        Map<Refusal, Long> medians = new EnumMap<>(Refusal.class);
        times.forEach((refusal, measured) -> medians.put(refusal, median(measured)));
        System.out.println(
                "Median time of a refused login on "
                        + site.get().base()
                        + " (µs, "
                        + TIMED_ATTEMPTS
                        + " attempts each): "
                        + medians);
        long fastest = medians.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long slowest = medians.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(
                slowest < SLOWEST_OVER_FASTEST * fastest,
                "medians too far apart, which tells the cases apart: " + medians);
    }

    private static String emailFor(Refusal refusal, String role) {
        return switch (refusal) {
            case UNKNOWN_EMAIL -> "nobody-" + UUID.randomUUID() + "@example.test";
            case WRONG_PASSWORD -> TestDatabase.newAccount("OPTIONAL", role);
            case WRONG_PASSWORD_WITH_MFA -> {
                String email = TestDatabase.newAccount("OPTIONAL", role);
                TestDatabase.addActiveDevice(email, DEVICE_KEY);
                yield email;
            }
        };
    }

    /** A wrong password from the login page, and every redirect after it. */
    private static Answer refuse(WebClient visitor, String email) {
        HttpResponse<String> loginPage = visitor.get("/login.xhtml");
        HttpResponse<String> answer = submitWrongPassword(visitor, loginPage, email);
        List<String> setCookies = new ArrayList<>(shapes(answer));
        List<String> redirects = new ArrayList<>();
        int status = answer.statusCode();
        while (answer.statusCode() / 100 == 3 && redirects.size() < 5) {
            redirects.add(answer.statusCode() + " " + answer.headers().firstValue("Location"));
            answer = visitor.follow(answer);
            setCookies.addAll(shapes(answer));
            status = answer.statusCode();
        }
        List<String> cookies =
                Arrays.stream(new String[] {"MFA_PORTAL_SESSION", "MFA_ADMIN_SESSION"})
                        .filter(name -> visitor.cookie(name).isPresent())
                        .toList();
        return new Answer(status, redirects, setCookies, cookies, normalized(answer, email));
    }

    private static HttpResponse<String> submitWrongPassword(
            WebClient visitor, HttpResponse<String> loginPage, String email) {
        return visitor.submit(
                loginPage,
                "login-form",
                "submit",
                Map.of("email", email, "password", "not-the-password"));
    }

    /** Each Set-Cookie as name and attributes, without the value, which is random by nature. */
    private static List<String> shapes(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .map(
                        header -> {
                            String[] parts = header.split(";\\s*");
                            String name = parts[0].substring(0, parts[0].indexOf('='));
                            return name
                                    + Arrays.stream(parts)
                                            .skip(1)
                                            .map(part -> part.toLowerCase(Locale.ROOT))
                                            .sorted()
                                            .collect(Collectors.joining("; ", "; ", ""));
                        })
                .sorted()
                .toList();
    }

    /** The page without its view state and with the typed email replaced by a placeholder. */
    private static String normalized(HttpResponse<String> answer, String email) {
        Document page = Jsoup.parse(answer.body().replace(email, "typed@email"));
        page.select("input[name=jakarta.faces.ViewState]").attr("value", "view-state");
        return page.outerHtml();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
