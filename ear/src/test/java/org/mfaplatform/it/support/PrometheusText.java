package org.mfaplatform.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples out of the Prometheus text exposition format (version 0.0.4), as /metrics serves it:
 * {@code name{label="value",...} number [timestamp]}, with comment lines starting with {@code #}.
 * Label values may hold escaped backslashes, quotes and line feeds.
 */
public final class PrometheusText {

    /** One line of figures: a metric name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /**
     * The value of the one sample named {@code name} whose labels include {@code labels}, or 0 when
     * there is none, as a counter not yet registered would count.
     */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching =
                samples.stream()
                        .filter(sample -> sample.name().equals(name))
                        .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                        .toList();
        if (matching.size() > 1) {
            throw new AssertionError("more than one " + name + " with " + labels + ": " + matching);
        }
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    public boolean has(String name, Map<String, String> labels) {
        return samples.stream()
                .anyMatch(
                        sample ->
                                sample.name().equals(name)
                                        && sample.labels()
                                                .entrySet()
                                                .containsAll(labels.entrySet()));
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || (space >= 0 && space < brace)) {
            String[] parts = line.split("\\s+");
            return new Sample(parts[0], Map.of(), Double.parseDouble(parts[1]));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int end = labels(line, brace + 1, labels);
        String[] rest = line.substring(end + 1).strip().split("\\s+");
        return new Sample(line.substring(0, brace), labels, Double.parseDouble(rest[0]));
    }

    /**
     * Reads {@code name="value"} pairs from {@code start}; returns the index of the closing brace.
     */
    private static int labels(String line, int start, Map<String, String> labels) {
        int at = start;
        while (true) {
            while (line.charAt(at) == ',' || line.charAt(at) == ' ') {
                at++;
            }
            if (line.charAt(at) == '}') {
                return at;
            }
            int equals = line.indexOf('=', at);
            String name = line.substring(at, equals).strip();
            if (line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("label value not quoted: " + line);
            }
            StringBuilder value = new StringBuilder();
            at = equals + 2;
            while (line.charAt(at) != '"') {
                char c = line.charAt(at);
                if (c == '\\') {
                    char escaped = line.charAt(++at);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                at++;
            }
            labels.put(name, value.toString());
            at++;
        }
    }
}
