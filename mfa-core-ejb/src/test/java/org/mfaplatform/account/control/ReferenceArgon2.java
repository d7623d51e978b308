package org.mfaplatform.account.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference implementation of Argon2 through its command line (Debian package {@code argon2}),
 * the independent oracle for our Argon2id hashes.
 */
final class ReferenceArgon2 {

    private ReferenceArgon2() {}

    /**
     * @return the PHC string the reference implementation prints for the password and the salt (the
     *     salt's characters are its bytes, so tests pass printable ASCII)
     */
    static String hash(String password, String salt, Argon2idParameters parameters) {
        List<String> command =
                List.of(
                        "argon2",
                        salt,
                        "-id",
                        "-t",
                        Integer.toString(parameters.passes()),
                        "-k",
                        Integer.toString(parameters.memoryKiB()),
                        "-p",
                        Integer.toString(parameters.parallelism()),
                        "-l",
                        Integer.toString(parameters.hashBytes()),
                        "-e");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(password.getBytes(StandardCharsets.UTF_8));
            }
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("argon2 failed: " + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not run the argon2 command; install the Debian package argon2", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
