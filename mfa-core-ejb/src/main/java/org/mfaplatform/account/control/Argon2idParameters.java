package org.mfaplatform.account.control;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) with its memory, passes and lanes, computed by Bouncy Castle's lightweight
 * API; Bouncy Castle is not registered as a JCA provider, so it changes nothing else in the server.
 * Hashes are stored in the PHC string format that the reference implementation prints, {@code
 * $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, salt and hash in Base64 without
 * padding.
 *
 * <p>OWASP's password storage cheat sheet gives equally strong pairs; two of them are 19 MiB with 2
 * passes ({@link #OWASP}) and 7 MiB with 5 passes (Keycloak's choice, {@link #LOW_MEMORY}).
 *
 * @param memoryKiB at least 8 KiB per lane (RFC 9106 section 3.1), at most {@link #MAX_MEMORY_KIB}
 * @param passes 1 to {@link #MAX_PASSES}
 * @param parallelism lanes, 1 to {@link #MAX_PARALLELISM}; Bouncy Castle fills them one after
 *     another on the calling thread, so more lanes cost time rather than threads
 */
public record Argon2idParameters(int memoryKiB, int passes, int parallelism)
        implements PasswordHashParameters {

    public static final Argon2idParameters OWASP = new Argon2idParameters(19 * 1024, 2, 1);

    public static final Argon2idParameters LOW_MEMORY = new Argon2idParameters(7 * 1024, 5, 1);

    /**
     * 256 MiB, 13 times OWASP's figure. Parameters are read back from the database to verify, and
     * this bound keeps a tampered row from making a login allocate gigabytes.
     */
    public static final int MAX_MEMORY_KIB = 256 * 1024;

    public static final int MAX_PASSES = 16;

    public static final int MAX_PARALLELISM = 16;

    /** Version 1.3, the only one RFC 9106 specifies and the reference implementation's default. */
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;

    static final String PREFIX = "$argon2id$";

    private static final Pattern FORMAT =
            Pattern.compile(
                    Pattern.quote(PREFIX + "v=" + VERSION + "$")
                            + "m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                            + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    "Argon2id parallelism must be between 1 and "
                            + MAX_PARALLELISM
                            + ", not "
                            + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "Argon2id memory must be between "
                            + 8 * parallelism
                            + " KiB (8 per lane) and "
                            + MAX_MEMORY_KIB
                            + " KiB, not "
                            + memoryKiB);
        }
        if (passes < 1 || passes > MAX_PASSES) {
            throw new IllegalArgumentException(
                    "Argon2id passes must be between 1 and " + MAX_PASSES + ", not " + passes);
        }
    }

    /** RFC 9106 section 4 recommends a 128-bit salt. */
    @Override
    public int saltBytes() {
        return 16;
    }

    /** RFC 9106 section 4 recommends a 256-bit tag. */
    @Override
    public int hashBytes() {
        return 32;
    }

    /** Within {@link HashMemoryBudget#SERVER}: the blocks are allocated for each hash anew. */
    @Override
    public byte[] derive(char[] password, byte[] salt, int hashBytes) {
        return HashMemoryBudget.SERVER.run(
                memoryKiB,
                () -> {
                    Argon2BytesGenerator generator = new Argon2BytesGenerator();
                    generator.init(generatorParameters(salt).build());
                    byte[] hash = new byte[hashBytes];
                    // Bouncy Castle's default converter turns the characters into UTF-8, as the
                    // reference implementation's command line reads them from a UTF-8 terminal.
                    generator.generateBytes(password, hash);
                    return hash;
                });
    }

    /** Everything but secret and associated data, which a password hash does not use. */
    Argon2Parameters.Builder generatorParameters(byte[] salt) {
        return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(memoryKiB)
                .withIterations(passes)
                .withParallelism(parallelism)
                .withSalt(salt);
    }

    @Override
    public String format(byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX
                + "v="
                + VERSION
                + "$m="
                + memoryKiB
                + ",t="
                + passes
                + ",p="
                + parallelism
                + "$"
                + base64.encodeToString(salt)
                + "$"
                + base64.encodeToString(hash);
    }

    /**
     * @throws IllegalArgumentException if the text is not an Argon2id PHC string of version 1.3 or
     *     names parameters out of bounds
     */
    static StoredPasswordHash parse(String stored) {
        Matcher fields = FORMAT.matcher(stored);
        if (!fields.matches()) {
            throw new IllegalArgumentException("not an Argon2id hash in the expected format");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new StoredPasswordHash(
                new Argon2idParameters(
                        StoredPasswordHash.number(fields.group(1)),
                        StoredPasswordHash.number(fields.group(2)),
                        StoredPasswordHash.number(fields.group(3))),
                base64.decode(fields.group(4)),
                base64.decode(fields.group(5)));
    }

    @Override
    public String toString() {
        return "Argon2id with " + memoryKiB + " KiB, passes " + passes + ", lanes " + parallelism;
    }
}
