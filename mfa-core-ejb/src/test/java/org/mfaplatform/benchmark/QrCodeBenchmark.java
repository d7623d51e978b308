package org.mfaplatform.benchmark;

import java.util.concurrent.TimeUnit;
import org.mfaplatform.totp.control.KeyUri;
import org.mfaplatform.totp.control.QrCodeRenderer;
import org.mfaplatform.totp.control.SharedSecret;
import org.mfaplatform.totp.control.TotpPolicy;
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
 * What the QR code of a setup costs, to set against one password hash (PasswordHashBenchmark): a
 * setup page renders one PNG, a login computes one hash, so the PNG must stay a small fraction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QrCodeBenchmark {

    /** As long as a real one: a company domain, a work email and a 160-bit key. */
    private final String typicalUri =
            KeyUri.totp(
                    "login.example.com",
                    "firstname.lastname@example.com",
                    SharedSecret.encode(new byte[SharedSecret.KEY_BYTES]),
                    TotpPolicy.defaults());

    @Benchmark
    public byte[] pngOfTypicalKeyUri() {
        return QrCodeRenderer.png(typicalUri);
    }
}
