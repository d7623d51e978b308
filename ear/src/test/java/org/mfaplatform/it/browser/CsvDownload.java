package org.mfaplatform.it.browser;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV export fetched with the browser's session cookie: headless Chromium saves downloads where a
 * test cannot easily wait for them, so the file is fetched the way the browser would fetch it.
 */
record CsvDownload(String contentType, List<String> header, List<CSVRecord> records) {

    static CsvDownload fetch(String url, String cookieName, String cookieValue)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                client().send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Cookie", cookieName + "=" + cookieValue)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("CSV export answered " + response.statusCode());
        }
        try (CSVParser parser =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(new StringReader(response.body()))) {
            return new CsvDownload(
                    response.headers().firstValue("Content-Type").orElse(""),
                    parser.getHeaderNames(),
                    parser.getRecords());
        }
    }

    List<String> column(String name) {
        return records.stream().map(row -> row.get(name)).toList();
    }

    Map<String, String> row(String column, String value) {
        return records.stream()
                .filter(row -> value.equals(row.get(column)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value))
                .toMap();
    }

    /** The test server's certificate is a throwaway self-signed one. */
    private static HttpClient client() {
        try {
            SSLContext trustingEverything = SSLContext.getInstance("TLS");
            trustingEverything.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(X509Certificate[] chain, String type) {}

                            @Override
                            public void checkServerTrusted(X509Certificate[] chain, String type) {}

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    new SecureRandom());
            return HttpClient.newBuilder().sslContext(trustingEverything).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
