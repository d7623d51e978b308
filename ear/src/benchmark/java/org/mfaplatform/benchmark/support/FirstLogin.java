package org.mfaplatform.benchmark.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * For the cold-start figure: tries a full two-step login of one benchmark user every 100 ms until
 * one completes, then prints the wall-clock time of that moment in epoch milliseconds. bench/run
 * starts it just before the server and subtracts.
 *
 * <p>Usage: {@code FirstLogin <base-url> <user-index> <timeout-seconds>}.
 */
public final class FirstLogin {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private FirstLogin() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        BenchmarkUser user = new BenchmarkUser(Integer.parseInt(args[1]));
        long giveUpAt = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;

        while (System.currentTimeMillis() < giveUpAt) {
            try {
                if (logIn(base, user)) {
                    System.out.println(System.currentTimeMillis());
                    return;
                }
            } catch (java.io.IOException notYetListening) {
                // The server is not listening yet, or its application is still starting.
            }
            Thread.sleep(100);
        }
        System.err.println("no login completed in time");
        System.exit(1);
    }

    private static boolean logIn(String base, BenchmarkUser user) throws Exception {
        HttpClient http =
                HttpClient.newBuilder()
                        .sslContext(trustingEveryCertificate())
                        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
        HttpResponse<String> login = get(http, base + "/login.xhtml");
        if (login.statusCode() != 200 || viewState(login) == null) {
            return false;
        }
        HttpResponse<String> tokenPage =
                post(
                        http,
                        base + "/login.xhtml",
                        "login-form=login-form&login-form:email="
                                + URLEncoder.encode(user.email(), StandardCharsets.UTF_8)
                                + "&login-form:password="
                                + URLEncoder.encode(BenchmarkUser.PASSWORD, StandardCharsets.UTF_8)
                                + "&login-form:submit=Log+in&jakarta.faces.ViewState="
                                + URLEncoder.encode(viewState(login), StandardCharsets.UTF_8));
        if (!tokenPage.uri().getPath().endsWith("/token.xhtml") || viewState(tokenPage) == null) {
            return false;
        }
        HttpResponse<String> home =
                post(
                        http,
                        base + "/token.xhtml",
                        "token-form=token-form&token-form:token="
                                + user.codeNow()
                                + "&token-form:submit=Next&jakarta.faces.ViewState="
                                + URLEncoder.encode(viewState(tokenPage), StandardCharsets.UTF_8));
        return home.statusCode() == 200 && home.uri().getPath().endsWith("/app/index.xhtml");
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher found = VIEW_STATE.matcher(page.body());
        return found.find() ? found.group(1) : null;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The benchmark server's certificate is the self-signed one Liberty made at its first start.
     */
    private static SSLContext trustingEveryCertificate() throws Exception {
        TrustManager trustAll =
                new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
