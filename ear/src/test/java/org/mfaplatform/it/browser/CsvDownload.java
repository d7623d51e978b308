package org.mfaplatform.it.browser;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mfaplatform.it.support.TestCertificate;

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
        return HttpClient.newBuilder().sslContext(TestCertificate.trusted()).build();
    }
}
