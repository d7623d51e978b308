package org.mfaplatform.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The independent oracles a person's phone stands in for: {@code zbarimg} reads the QR code off a
 * screenshot and {@code oathtool} computes tokens the way an authenticator app does.
 */
public final class Commands {

    private Commands() {}

    /** The text of the QR code in a PNG, as zbarimg decodes it. */
    public static String scanQrCode(Path png) {
        return run("zbarimg", "--quiet", "--raw", png.toString());
    }

    /** The TOTP token an app shows at {@code instant} for a Base32 key. */
    public static String totp(String base32Key, Instant instant) {
        return run("oathtool", "--totp", "-b", "--now=@" + instant.getEpochSecond(), base32Key);
    }

    /**
     * Runs a command and returns its standard output. Standard error is kept apart: zbarimg
     * complains there about a missing D-Bus on headless machines, which is harmless.
     */
    private static String run(String... command) {
        try {
            Path errors = Files.createTempFile("mfa-it-" + command[0], ".err");
            Process process =
                    new ProcessBuilder(command)
                            .redirectError(ProcessBuilder.Redirect.to(errors.toFile()))
                            .start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        command[0] + " failed: " + output + Files.readString(errors));
            }
            return output.strip();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " could not run; is it installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command[0] + " was interrupted", e);
        }
    }
}
