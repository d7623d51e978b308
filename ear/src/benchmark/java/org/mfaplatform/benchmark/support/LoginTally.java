package org.mfaplatform.benchmark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the completed units of a load test (logins, token steps) with their times, and writes the
 * rate over the measured part of the run to the file bench/run reads ({@code bench.resultFile}):
 * Gatling's own report counts requests, not completed two-step logins.
 */
public final class LoginTally {

    private final ConcurrentLinkedQueue<Long> completions = new ConcurrentLinkedQueue<>();
    private final ServerCpu serverCpu = ServerCpu.fromProperty();
    private final AtomicLong serverCpuAtStart = new AtomicLong(-1);
    private final AtomicLong serverCpuAtLast = new AtomicLong(-1);
    private volatile long measureFromNanos;

    /** Completions before this moment are warm-up and are not counted. */
    public void measureFrom(long nanos) {
        measureFromNanos = nanos;
    }

    /**
     * Starts counting the server's CPU time ({@code bench.serverPid}) now, up to the last
     * completion, for a run whose measured part starts right here.
     */
    public void measureServerCpuFromNow() {
        serverCpu.nanos().ifPresent(serverCpuAtStart::set);
    }

    public void completed() {
        completions.add(System.nanoTime());
        if (serverCpuAtStart.get() >= 0) {
            // The time only grows, so the largest reading is the one after the last completion.
            serverCpu
                    .nanos()
                    .ifPresent(nanos -> serverCpuAtLast.accumulateAndGet(nanos, Math::max));
        }
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
     * all} (warm-up included); after {@link #measureServerCpuFromNow()}, also {@code
     * serverCpuMsPerCompletion}.
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
        OptionalDouble cpuMillis = serverCpuPer(rate.measured());
        if (cpuMillis.isPresent()) {
            text +=
                    String.format(
                            Locale.ROOT,
                            "serverCpuMsPerCompletion=%.3f%n",
                            cpuMillis.getAsDouble());
        }
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

    private OptionalDouble serverCpuPer(long measured) {
        long start = serverCpuAtStart.get();
        long last = serverCpuAtLast.get();
        if (start < 0 || last < 0 || measured == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((last - start) / 1e6 / measured);
    }
}
