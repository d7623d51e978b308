package org.mfaplatform.benchmark;

import java.util.concurrent.TimeUnit;
import org.mfaplatform.account.control.Argon2idParameters;
import org.mfaplatform.account.control.PasswordHashParameters;
import org.mfaplatform.account.control.Pbkdf2Parameters;
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
 * The password step's cost per login with each choice the configuration offers, for sizing servers:
 * one core checks about 1000 / (this figure in ms) passwords a second. Each figure is one run of
 * the algorithm, which is what both a verification and a new hash cost, through the same code the
 * server runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PasswordHashBenchmark {

    private static final char[] PASSWORD = "demo-password".toCharArray();

    private static final byte[] SALT = new byte[32];

    private static final PasswordHashParameters PBKDF2_DEFAULT = new Pbkdf2Parameters(600_000);

    private static byte[] derive(PasswordHashParameters parameters) {
        return parameters.derive(PASSWORD, SALT, parameters.hashBytes());
    }

    @Benchmark
    public byte[] pbkdf2Sha256At600000Iterations() {
        return derive(PBKDF2_DEFAULT);
    }

    /** OWASP's first choice and the configured default for Argon2id. */
    @Benchmark
    public byte[] argon2idAt19MiBAnd2Passes() {
        return derive(Argon2idParameters.OWASP);
    }

    /** Keycloak's choice, for servers short of memory. */
    @Benchmark
    public byte[] argon2idAt7MiBAnd5Passes() {
        return derive(Argon2idParameters.LOW_MEMORY);
    }
}
