package org.mfaplatform.benchmark.support;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The CPU time (user and system) the server's process has used, from the process id given as {@code
 * bench.serverPid}. On a machine shared with other work, CPU time per operation stays put where the
 * rate a second moves with the load.
 */
public final class ServerCpu {

    private final OptionalLong pid;

    private ServerCpu(OptionalLong pid) {
        this.pid = pid;
    }

    /** The server named by {@code bench.serverPid}; without it, every reading is empty. */
    public static ServerCpu fromProperty() {
        Long pid = Long.getLong("bench.serverPid");
        return new ServerCpu(pid == null ? OptionalLong.empty() : OptionalLong.of(pid));
    }

    /** The CPU time the process has used so far, or empty when it is not known or not running. */
    public OptionalLong nanos() {
        if (pid.isEmpty()) {
            return OptionalLong.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .flatMap(process -> process.info().totalCpuDuration())
                .map(Duration::toNanos)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }
}
