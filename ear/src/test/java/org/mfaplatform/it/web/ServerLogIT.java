package org.mfaplatform.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfaplatform.it.web.EnforcementGateIT.assertRedirect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.it.support.TestDatabase;

/**
 * What ordinary mistakes of visitors leave in the test server's messages.log: a mistyped address no
 * stack trace, a protected view opened without its token not the session's token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerLogIT {

    private static final String TOKEN_PARAMETER = "jakarta.faces.Token=";

    /** Lines a server writes only when something broke. */
    private static final List<String> FAILURE_MARKERS =
            List.of("Exception", "\tat ", "Caused by", "FFDC", "SRVE", "committed");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return ProbedDeployment.product();
    }

    /** Missing Faces addresses on each site, by the site's address up to its context root. */
    private static Map<WebClient, List<String>> missingPages() {
        return Map.of(
                WebClient.portal(),
                List.of("/x1.xhtml", "/APP/index.xhtml", "/faces/app/index.xhtml"),
                WebClient.adminSite(),
                List.of("/nope.xhtml", "/x1.xhtml", "/faces/app/index.xhtml"));
    }

    @Test
    void missingPagesAnswer404WithNotFoundPageAndLogNoStackTrace() {
        ServerLog log = ServerLog.now();
        long ffdcBefore = log.ffdcFiles();

        missingPages()
                .forEach(
                        (site, paths) -> {
                            for (String path : paths) {
                                var answer = site.get(path);

                                String where = site.base() + path;
                                assertEquals(404, answer.statusCode(), where);
                                assertTrue(
                                        Jsoup.parse(answer.body())
                                                .title()
                                                .contains("Page not found"),
                                        "the not-found page for " + where);
                                assertTrue(
                                        answer.headers()
                                                .firstValue("Content-Security-Policy")
                                                .isPresent(),
                                        "security headers on " + where);
                            }
                        });

        String written = log.writtenSince();
        assertNoFailureIn(written);
        assertTrue(written.lines().count() <= 6, "at most a line a request:\n" + written);
        assertEquals(ffdcBefore, log.ffdcFiles(), "no FFDC file");
    }

    @Test
    void protectedViewOpenedWithoutTokenLeavesTokenOutOfLog() {
        Stream.of(WebClient.portal(), WebClient.adminSite())
                .forEach(
                        site -> {
                            boolean portal = site.base().equals(WebClient.portal().base());
                            String email =
                                    TestDatabase.newAccount(
                                            "OPTIONAL", portal ? "USER" : "COMPANY_ADMIN");
                            assertRedirect(
                                    site,
                                    site.logIn(email, TestDatabase.DEMO_PASSWORD),
                                    "/app/index.xhtml");
                            URI protectedLink = protectedLinkOn(site);
                            String token = tokenOf(protectedLink);
                            ServerLog log = ServerLog.now();

                            var answer = site.get(pathWithoutQuery(site, protectedLink));

                            assertTrue(
                                    answer.body().contains("Page expired"),
                                    "the expired page for " + protectedLink.getPath());
                            String written = log.writtenSince();
                            assertFalse(
                                    written.contains(token),
                                    "the session's token in the log:\n" + written);
                            assertFalse(
                                    written.contains("correctSecretKeyValue"),
                                    "Mojarra's token record in the log:\n" + written);
                            assertNoFailureIn(written);
                        });
    }

    @Test
    void unknownViewStateGetsExpiredPageAndLogsNoStackTrace() {
        Stream.of(WebClient.portal(), WebClient.adminSite())
                .forEach(
                        site -> {
                            site.get("/login.xhtml");

                            assertExpiredPageAndNothingLogged(
                                    site,
                                    "/login.xhtml",
                                    Map.of(
                                            "login-form", "login-form",
                                            "login-form:submit", "pressed",
                                            "jakarta.faces.ViewState", "garbage:1234"));
                        });
    }

    @Test
    void viewStateOfAnotherPageGetsExpiredPageAndLogsNoStackTrace() {
        Stream.of(WebClient.portal(), WebClient.adminSite())
                .forEach(
                        site -> {
                            var loginPage = site.get("/login.xhtml");
                            String loginViewState =
                                    Jsoup.parse(loginPage.body())
                                            .selectFirst("input[name=jakarta.faces.ViewState]")
                                            .val();

                            // The login page's state, whose component tree does not fit the
                            // token page's.
                            assertExpiredPageAndNothingLogged(
                                    site,
                                    "/token.xhtml",
                                    Map.of(
                                            "token-form", "token-form",
                                            "token-form:token", "123456",
                                            "token-form:submit", "Next",
                                            "jakarta.faces.ViewState", loginViewState));
                        });
    }

    /** Posts the form and expects the expired page, with no failure and no FFDC file logged. */
    private static void assertExpiredPageAndNothingLogged(
            WebClient site, String page, Map<String, String> form) {
        ServerLog log = ServerLog.now();
        long ffdcBefore = log.ffdcFiles();

        var answer = site.post(page, form);

        assertEquals(400, answer.statusCode(), site.base() + page);
        assertTrue(
                answer.body().contains("Page expired"),
                "the expired page on " + site.base() + page);
        assertNoFailureIn(log.writtenSince());
        assertEquals(ffdcBefore, log.ffdcFiles(), "no FFDC file");
    }

    private static void assertNoFailureIn(String written) {
        for (String marker : FAILURE_MARKERS) {
            assertFalse(written.contains(marker), "'" + marker + "' in the log:\n" + written);
        }
    }

    /** The first link of the home page that carries the session's token: a protected view. */
    private static URI protectedLinkOn(WebClient site) {
        var home = site.get("/app/index.xhtml");
        Element link =
                Jsoup.parse(home.body(), home.uri().toString())
                        .selectFirst("a[href*=" + TOKEN_PARAMETER + "]");
        assertTrue(link != null, "a link with the token on " + home.uri() + ": " + home.body());
        return URI.create(link.absUrl("href"));
    }

    private static String tokenOf(URI link) {
        String token =
                Arrays.stream(link.getRawQuery().split("&"))
                        .filter(parameter -> parameter.startsWith(TOKEN_PARAMETER))
                        .map(parameter -> parameter.substring(TOKEN_PARAMETER.length()))
                        .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
                        .findFirst()
                        .orElseThrow();
        assertTrue(token.length() >= 16, "a token worth looking for: " + token);
        return token;
    }

    /** The link's path below the site's context root, its query dropped (the token among it). */
    private static String pathWithoutQuery(WebClient site, URI link) {
        String contextRoot = URI.create(site.base()).getPath();
        return link.getPath().substring(contextRoot.length());
    }

    /** The test server's messages.log, from a point on. */
    private record ServerLog(Path file, long start) {

        static ServerLog now() {
            Path logs =
                    Path.of(
                            System.getProperty("wlp.home"),
                            "usr",
                            "servers",
                            System.getProperty("it.server.name"),
                            "logs");
            Path file = logs.resolve("messages.log");
            assertTrue(Files.isRegularFile(file), "the server log at " + file);
            try {
                return new ServerLog(file, Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What the server wrote since, once a moment has passed for it to be written. */
        String writtenSince() {
            try {
                Thread.sleep(1000);
                byte[] all = Files.readAllBytes(file);
                if (all.length < start) {
                    throw new AssertionError("the server log rolled over during the test");
                }
                return new String(
                        all, (int) start, all.length - (int) start, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        long ffdcFiles() {
            Path ffdc = file.resolveSibling("ffdc");
            if (!Files.isDirectory(ffdc)) {
                return 0;
            }
            try (Stream<Path> files = Files.list(ffdc)) {
                return files.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
