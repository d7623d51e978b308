package org.mfaplatform.it.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mfaplatform.it.support.TestCertificate;

/**
 * One visitor of one site at the HTTP level: its own cookies, no redirect followed unless asked, so
 * that tests see every status, header and cookie the server sends. Faces forms are filled the way a
 * browser submits them, hidden fields and view state included.
 */
final class WebClient {

    private final HttpClient http;
    private final URI origin;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param base the site's address up to its context root, without a trailing slash
     */
    WebClient(String base) {
        this.base = base;
        this.origin = URI.create(base).resolve("/");
        this.http =
                HttpClient.newBuilder()
                        .sslContext(TestCertificate.trusted())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    static WebClient portal() {
        return new WebClient(System.getProperty("it.base.url"));
    }

    static WebClient adminSite() {
        return new WebClient(System.getProperty("it.admin.url"));
    }

    String base() {
        return base;
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Replaces this visitor's cookie, as a thief replaying a copied cookie would. */
    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** Sends this header with every later request, as a proxy in front of this visitor would. */
    void setHeader(String name, String value) {
        headers.put(name, value);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Follows the redirect a response asks for, if it asks for one. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
            return response;
        }
        return send(HttpRequest.newBuilder(response.uri().resolve(location.get())).GET());
    }

    /** Follows a link by its full address, as the page gave it. */
    HttpResponse<String> open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * Submits a Faces form of a page as a browser does: every field the page rendered in it, the
     * given values (by id without the form's prefix) and the button pressed.
     */
    HttpResponse<String> submit(
            HttpResponse<String> page, String formId, String buttonId, Map<String, String> values) {
        Element form = form(page, formId);
        return send(
                HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        encode(fields(form, buttonId, values)))));
    }

    /** The fields {@link #submit} would send, as a query string. */
    static String query(
            HttpResponse<String> page, String formId, String buttonId, Map<String, String> values) {
        return encode(fields(form(page, formId), buttonId, values));
    }

    private static Element form(HttpResponse<String> page, String formId) {
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        Element form = document.getElementById(formId);
        if (form == null) {
            throw new AssertionError("no form " + formId + " on " + page.uri());
        }
        return form;
    }

    private static Map<String, String> fields(
            Element form, String buttonId, Map<String, String> values) {
        String formId = form.id();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("button")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        values.forEach((id, value) -> fields.put(formId + ":" + id, value));
        fields.put(formId + ":" + buttonId, "pressed");
        return fields;
    }

    /** The password step; answers the redirect the server sends after it. */
    HttpResponse<String> logIn(String email, String password) {
        return submit(
                get("/login.xhtml"),
                "login-form",
                "submit",
                Map.of("email", email, "password", password));
    }

    /** The token step, from the token page. */
    HttpResponse<String> giveToken(String token) {
        return submit(get("/token.xhtml"), "token-form", "submit", Map.of("token", token));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response =
                    http.send(
                            request.timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        String attributes = setCookie.toLowerCase(java.util.Locale.ROOT);
        if (value.isEmpty() || attributes.contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /**
     * The status of a GET sent over a plain socket to a port of the test server with a Host header
     * of the caller's choosing, which Java's HTTP client refuses to set.
     */
    static int statusWithHostHeader(boolean tls, int port, String path, String hostHeader)
            throws IOException {
        try (Socket socket =
                tls
                        ? TestCertificate.trusted()
                                .getSocketFactory()
                                .createSocket("localhost", port)
                        : new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET "
                                    + path
                                    + " HTTP/1.1\r\nHost: "
                                    + hostHeader
                                    + "\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine =
                    new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(
                        field ->
                                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(
                                                field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
