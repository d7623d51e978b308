package org.mfaplatform.benchmark;

import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
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
 * The password step's cost per login at the default 600,000 iterations, for sizing servers: one
 * core checks about 1000 / (this figure in ms) passwords a second. Measured on the JDK's
 * PBKDF2WithHmacSHA256, the same algorithm the platform's Pbkdf2PasswordHash is configured with;
 * that hash itself only runs inside the server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PasswordHashBenchmark {

    private static final byte[] SALT = new byte[32];

    @Benchmark
    public byte[] pbkdf2Sha256At600000Iterations() throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec("demo-password".toCharArray(), SALT, 600_000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(spec)
                .getEncoded();
    }
}
