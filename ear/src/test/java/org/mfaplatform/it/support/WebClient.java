package org.mfaplatform.it.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One visitor of a site at the HTTP level, with its own cookies: opens pages, reads a form's fields
 * and view state out of the HTML with jsoup, and sends them back changed, as a hand-made request
 * would.
 */
public final class WebClient {

    private final String baseUrl;
    private final HttpClient http;

    public WebClient(String baseUrl) {
        this(baseUrl, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    /**
     * A visitor whose cookies live in {@code cookies}: clients of two servers that share one store
     * are one browser behind a load balancer that sends each request to either server.
     */
    public WebClient(String baseUrl, CookieHandler cookies) {
        this.baseUrl = baseUrl;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(cookies)
                        // HTTP/1.1 as browsers speak it to these ports; h2c upgrades lost page ends
                        // here.
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .sslContext(TestCertificate.trusted())
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    /** An answer of the server, after redirects, with the headers of its last response. */
    public record Page(int status, URI uri, String body, HttpHeaders headers) {

        public Document html() {
            return Jsoup.parse(body, uri.toString());
        }

        public boolean hasForm(String formId) {
            return html().getElementById(formId) != null;
        }

        public String path() {
            return uri.getPath();
        }

        public String text() {
            return html().text();
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * Opens a page of the site's navigation by its link on the home page, as a person does. Pages
     * that change devices or policies are Faces protected views: they open only from the site's own
     * links, which carry the session's token, never from a typed address.
     */
    public Page open(String path) {
        return follow("/app/index.xhtml", path);
    }

    /**
     * Opens {@code fromPath}, then the first link on it to {@code linkPath}: a link whose path is
     * that path and whose query holds every parameter {@code linkPath} names.
     */
    public Page follow(String fromPath, String linkPath) {
        Page from = get(fromPath);
        URI wanted = uri(linkPath);
        List<String> wantedParameters =
                wanted.getRawQuery() == null ? List.of() : List.of(wanted.getRawQuery().split("&"));
        for (Element link : from.html().select("a[href]")) {
            URI target = URI.create(link.absUrl("href"));
            List<String> parameters =
                    target.getRawQuery() == null
                            ? List.of()
                            : List.of(target.getRawQuery().split("&"));
            if (target.getPath().equals(wanted.getPath())
                    && parameters.containsAll(wantedParameters)) {
                return get(target.toString());
            }
        }
        throw new AssertionError(
                "no link to " + linkPath + " on " + from.uri() + ": " + from.text());
    }

    /** Any method, with a form-encoded body, as a client that ignores the page would send it. */
    public Page send(String method, String path, Map<String, String> fields) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(encoded(fields))));
    }

    /**
     * The fields a browser would send when {@code button} of form {@code formId} on {@code page} is
     * clicked: hidden fields with the view state, text fields and checked choices, and the button.
     */
    public static Map<String, String> fieldsOf(Page page, String formId, String button) {
        Element form = page.html().getElementById(formId);
        if (form == null) {
            throw new AssertionError(
                    "no form " + formId + " on " + page.uri() + ": " + page.text());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type").toLowerCase();
            String name = input.attr("name");
            if (type.equals("submit") || type.equals("button") || type.equals("image")) {
                if (input.id().equals(button)) {
                    fields.put(name, input.attr("value"));
                }
            } else if (type.equals("radio") || type.equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    fields.put(name, input.attr("value"));
                }
            } else if (input.tagName().equals("textarea")) {
                fields.put(name, input.text());
            } else if (input.tagName().equals("select")) {
                Element chosen = input.selectFirst("option[selected]");
                fields.put(name, chosen == null ? "" : chosen.attr("value"));
            } else {
                fields.put(name, input.attr("value"));
            }
        }
        if (!fields.containsKey(button)) {
            throw new AssertionError(
                    "no button "
                            + button
                            + " in form "
                            + formId
                            + " on "
                            + page.uri()
                            + ": "
                            + form);
        }
        return fields;
    }

    /** Posts the form back to where the page says, with the given fields. */
    public Page post(Page page, String formId, Map<String, String> fields) {
        Element form = page.html().getElementById(formId);
        String action = form == null ? page.uri().toString() : form.absUrl("action");
        return send(
                HttpRequest.newBuilder(URI.create(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded(fields))));
    }

    /** Opens this site's login page and signs in with the given email and password. */
    public Page logIn(String email, String password) {
        Page login = get("/login.xhtml");
        return submit(
                login,
                "login-form",
                "login-form:submit",
                Map.of("login-form:email", email, "login-form:password", password));
    }

    /** Clicks {@code button} of form {@code formId} after setting the given fields. */
    public Page submit(Page page, String formId, String button, Map<String, String> changed) {
        Map<String, String> fields = fieldsOf(page, formId, button);
        fields.putAll(changed);
        return post(page, formId, fields);
    }

    public static String encoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(
                        field ->
                                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(
                                                field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : baseUrl + path);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(
                            request.timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(
                    response.statusCode(), response.uri(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
