package org.mfaplatform.benchmark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Counts the completed units of a load test (logins, token steps) with their times, and writes the
 * rate over the measured part of the run to the file bench/run reads ({@code bench.resultFile}):
 * Gatling's own report counts requests, not completed two-step logins.
 */
public final class LoginTally {

    private final ConcurrentLinkedQueue<Long> completions = new ConcurrentLinkedQueue<>();
    private volatile long measureFromNanos;

    /** Completions before this moment are warm-up and are not counted. */
    public void measureFrom(long nanos) {
        measureFromNanos = nanos;
    }

    public void completed() {
        completions.add(System.nanoTime());
    }

    public int count() {
        return completions.size();
    }

    /** Completions in the measured window and its length, from its start to the last completion. */
    public record Rate(long measured, long all, double seconds) {
        public double perSecond() {
            return measured / seconds;
        }
    }

    public Rate rate(long endNanos) {
        long from = measureFromNanos;
        long measured = completions.stream().filter(t -> t >= from).count();
        long last = completions.stream().mapToLong(Long::longValue).max().orElse(from);
        double seconds = Math.max(1e-9, (Math.min(last, endNanos) - from) / 1e9);
        return new Rate(measured, completions.size(), seconds);
    }

    /**
     * Writes {@code completed}, {@code seconds} and {@code perSecond} of {@link #rate}, and {@code
     * all} (warm-up included).
     */
    public void write(String resultFile, long endNanos) {
        Rate rate = rate(endNanos);
        String text =
                String.format(
                        Locale.ROOT,
                        "completed=%d%nall=%d%nseconds=%.3f%nperSecond=%.3f%n",
                        rate.measured(),
                        rate.all(),
                        rate.seconds(),
                        rate.perSecond());
        System.out.print(text);
        if (resultFile == null || resultFile.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(resultFile), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
