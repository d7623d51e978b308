package org.mfaplatform.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mfaplatform.totp.control.TotpCodeGenerator;
import org.mfaplatform.totp.control.TotpPolicy;
import org.mfaplatform.totp.control.TotpVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one token check costs: the verifier as it runs at login (three time steps under one key),
 * next to one bare HMAC-SHA1 (the target: a check at most three of them, BENCHMARKS.md) and to
 * single codes and HMACs computed the ways the generator did before.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TotpCheckBenchmark {

    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = {0, 0, 0, 0, 2, 123, 8, 23};

    private final TotpPolicy policy = TotpPolicy.defaults();
    private final TotpVerifier verifier =
            new TotpVerifier(
                    policy, Clock.fixed(Instant.ofEpochSecond(1_234_567_890L), ZoneOffset.UTC));

    /** A wrong code: the verifier must try every step of the window, the most work a check does. */
    @Benchmark
    public OptionalLong verifyWrongCode() {
        return verifier.matchingStep(KEY, "000001", -1L);
    }

    @Benchmark
    public String oneCode() {
        return new TotpCodeGenerator(policy).codeAt(KEY, 41_152_263L);
    }

    private final Mac keptMac = newMac();

    /** What the generator did per code before KeyedHmac: re-key the thread's Mac and compute. */
    @Benchmark
    public byte[] oneHmacWithKeptMac() throws GeneralSecurityException {
        keptMac.init(new SecretKeySpec(KEY, "HmacSHA1"));
        return keptMac.doFinal(MESSAGE);
    }

    private final Mac keyedMac = keyedMac();

    /**
     * The floor a token check is measured against (BENCHMARKS.md): one HMAC-SHA1 over the 8 bytes
     * of a time step, with a {@code Mac} keyed once beforehand, so nothing but the hash itself is
     * paid.
     */
    @Benchmark
    public byte[] oneBareHmacSha1() {
        return keyedMac.doFinal(MESSAGE);
    }

    @Benchmark
    public byte[] oneHmacWithNewMac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(KEY, "HmacSHA1"));
        return mac.doFinal(MESSAGE);
    }

    private static Mac keyedMac() {
        Mac mac = newMac();
        try {
            mac.init(new SecretKeySpec(KEY, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac;
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
