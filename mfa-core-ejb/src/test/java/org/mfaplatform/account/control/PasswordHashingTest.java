package org.mfaplatform.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hashing, verification across configurations and the outdated check. The PBKDF2 hashes below were
 * computed with Python's {@code hashlib.pbkdf2_hmac("sha256", ...)} and written in the format of
 * Jakarta Security's Pbkdf2PasswordHash, which the platform used before; Argon2id is checked
 * against its own oracles in {@link Argon2idParametersTest}.
 */
class PasswordHashingTest {

    private static final String PASSWORD = "correct horse battery staple";

    /** Salt bytes 0 to 31. */
    private static final String PBKDF2_1024 =
            "PBKDF2WithHmacSHA256:1024:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
                    + ":/+cYfq3lacLm1Oq5faSy0qU6leV4PXklhNyuZ7H32rs=";

    private static final String PBKDF2_2048 =
            "PBKDF2WithHmacSHA256:2048:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
                    + ":V+kYPAlX29LtkBYs6ThjZa77UAR6sIEc3SvzFzaGTOs=";

    /** "pässwörd ✓", salt bytes 0 to 31, 1024 iterations. */
    private static final String PBKDF2_NON_ASCII =
            "PBKDF2WithHmacSHA256:1024:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
                    + ":d62rwTixZtGDDI7+ZJfWTSP8VZVtSulPmSgfiVe8Opo=";

    /** From the reference command line: {@code argon2 saltsalt -id -t 2 -k 64 -p 1 -l 32 -e}. */
    private static final String ARGON2ID_64_KIB_OF_X =
            "$argon2id$v=19$m=64,t=2,p=1$c2FsdHNhbHQ$Bk5D5NyLvfW6frYByecqQ4ABMNHAH9rXAt4peTI1rVc";

    private static final Pbkdf2Parameters PBKDF2 = new Pbkdf2Parameters(1024);

    private static final Argon2idParameters ARGON2ID = new Argon2idParameters(64, 2, 1);

    @Test
    void verifiesPbkdf2HashOfAnIndependentImplementation() {
        PasswordHashing hashing = new PasswordHashing(PBKDF2);

        assertTrue(hashing.verify(PASSWORD.toCharArray(), PBKDF2_1024), "1024 iterations");
        assertTrue(hashing.verify(PASSWORD.toCharArray(), PBKDF2_2048), "2048 iterations");
    }

    @Test
    void encodesPbkdf2PasswordAsUtf8() {
        assertTrue(
                new PasswordHashing(PBKDF2).verify("pässwörd ✓".toCharArray(), PBKDF2_NON_ASCII));
    }

    @Test
    void makesThePbkdf2HashOfAnIndependentImplementation() {
        byte[] salt = new byte[32];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }

        assertEquals(
                PBKDF2_1024,
                new PasswordHashing(PBKDF2).hashWithSalt(PASSWORD.toCharArray(), salt));
    }

    @Test
    void pbkdf2ConfigurationVerifiesArgon2idHash() {
        PasswordHashing hashing = new PasswordHashing(PBKDF2);

        assertTrue(hashing.verify("x".toCharArray(), ARGON2ID_64_KIB_OF_X));
        assertTrue(
                hashing.verify(
                        PASSWORD.toCharArray(),
                        new PasswordHashing(ARGON2ID).hash(PASSWORD.toCharArray())));
    }

    @Test
    void argon2idConfigurationVerifiesPbkdf2Hash() {
        PasswordHashing hashing = new PasswordHashing(ARGON2ID);

        assertTrue(hashing.verify(PASSWORD.toCharArray(), PBKDF2_1024));
        assertTrue(
                hashing.verify(
                        PASSWORD.toCharArray(),
                        new PasswordHashing(PBKDF2).hash(PASSWORD.toCharArray())));
    }

    @Test
    void refusesWrongPasswordForPbkdf2Hash() {
        assertFalse(new PasswordHashing(ARGON2ID).verify("wrong".toCharArray(), PBKDF2_1024));
    }

    @Test
    void refusesWrongPasswordForArgon2idHash() {
        assertFalse(new PasswordHashing(PBKDF2).verify("y".toCharArray(), ARGON2ID_64_KIB_OF_X));
    }

    @Test
    void givesEveryHashItsOwnSalt() {
        PasswordHashing hashing = new PasswordHashing(ARGON2ID);

        String first = hashing.hash(PASSWORD.toCharArray());
        String second = hashing.hash(PASSWORD.toCharArray());

        assertFalse(first.equals(second), "two hashes of one password differ");
    }

    @Test
    void newHashIsNotOutdated() {
        for (PasswordHashParameters parameters :
                new PasswordHashParameters[] {PBKDF2, ARGON2ID, Argon2idParameters.OWASP}) {
            PasswordHashing hashing = new PasswordHashing(parameters);
            assertFalse(
                    hashing.isOutdated(hashing.hash(PASSWORD.toCharArray())),
                    "fresh hash with " + parameters);
        }
    }

    private record Change(PasswordHashParameters before, PasswordHashParameters now) {}

    static Stream<Named<Change>> configurationChanges() {
        return Stream.of(
                Named.of("other iteration count", new Change(PBKDF2, new Pbkdf2Parameters(2048))),
                Named.of("PBKDF2 to Argon2id", new Change(PBKDF2, ARGON2ID)),
                Named.of("Argon2id to PBKDF2", new Change(ARGON2ID, PBKDF2)),
                Named.of("other memory", new Change(ARGON2ID, new Argon2idParameters(128, 2, 1))),
                Named.of("other passes", new Change(ARGON2ID, new Argon2idParameters(64, 3, 1))),
                Named.of(
                        "other parallelism",
                        new Change(ARGON2ID, new Argon2idParameters(64, 2, 2))));
    }

    @ParameterizedTest
    @MethodSource("configurationChanges")
    void hashMadeUnderOtherConfigurationIsOutdated(Change change) {
        String stored = new PasswordHashing(change.before()).hash(PASSWORD.toCharArray());

        assertTrue(new PasswordHashing(change.now()).isOutdated(stored));
    }

    @Test
    void argon2idHashWithOtherSaltLengthIsOutdated() {
        // The reference command line's hash has an 8-byte salt; ours get 16.
        assertTrue(new PasswordHashing(ARGON2ID).isOutdated(ARGON2ID_64_KIB_OF_X));
    }

    @Test
    void decoyHashIsMadeWithTheConfiguredParameters() {
        PasswordHashing hashing = new PasswordHashing(ARGON2ID);

        assertTrue(hashing.decoyHash().startsWith("$argon2id$v=19$m=64,t=2,p=1$"));
        assertFalse(hashing.isOutdated(hashing.decoyHash()));
    }

    static Stream<Named<String>> malformedHashes() {
        String salt16 = "c2FsdHNhbHRzYWx0c2FsdA";
        String hash32 = "QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM";
        return Stream.of(
                Named.of("null", null),
                Named.of("empty", ""),
                Named.of("plain text", PASSWORD),
                Named.of("prefix only", "$argon2id$"),
                Named.of("Argon2i", "$argon2i$v=19$m=64,t=2,p=1$" + salt16 + "$" + hash32),
                Named.of(
                        "Argon2 version 1.0",
                        "$argon2id$v=16$m=64,t=2,p=1$" + salt16 + "$" + hash32),
                Named.of("no version", "$argon2id$m=64,t=2,p=1$" + salt16 + "$" + hash32),
                Named.of("lanes missing", "$argon2id$v=19$m=64,t=2$" + salt16 + "$" + hash32),
                Named.of(
                        "parameters reordered",
                        "$argon2id$v=19$t=2,m=64,p=1$" + salt16 + "$" + hash32),
                Named.of("leading zero", "$argon2id$v=19$m=064,t=2,p=1$" + salt16 + "$" + hash32),
                Named.of(
                        "negative passes", "$argon2id$v=19$m=64,t=-2,p=1$" + salt16 + "$" + hash32),
                Named.of("zero lanes", "$argon2id$v=19$m=64,t=2,p=0$" + salt16 + "$" + hash32),
                Named.of(
                        "memory over int",
                        "$argon2id$v=19$m=9999999999,t=2,p=1$" + salt16 + "$" + hash32),
                Named.of("hash missing", "$argon2id$v=19$m=64,t=2,p=1$" + salt16),
                Named.of("padded Base64", "$argon2id$v=19$m=64,t=2,p=1$" + salt16 + "==$" + hash32),
                Named.of(
                        "impossible Base64 length",
                        "$argon2id$v=19$m=64,t=2,p=1$" + salt16 + "$" + hash32 + "A"),
                Named.of("salt of 3 bytes", "$argon2id$v=19$m=64,t=2,p=1$c2Fs$" + hash32),
                Named.of("hash of 6 bytes", "$argon2id$v=19$m=64,t=2,p=1$" + salt16 + "$c2FsdHNh"),
                Named.of("trailing newline", ARGON2ID_64_KIB_OF_X + "\n"),
                Named.of("PBKDF2 with SHA-512", PBKDF2_1024.replace("SHA256", "SHA512")),
                Named.of(
                        "PBKDF2 with three fields",
                        "PBKDF2WithHmacSHA256:1024:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
                Named.of("PBKDF2 below 1024 iterations", PBKDF2_1024.replace(":1024:", ":1000:")),
                Named.of("PBKDF2 with bad Base64", PBKDF2_1024.replace("/+cY", "*+cY")),
                Named.of(
                        "far too long",
                        "$argon2id$v=19$m=64,t=2,p=1$" + "A".repeat(400) + "$" + hash32));
    }

    @ParameterizedTest
    @MethodSource("malformedHashes")
    void refusesMalformedStoredHashWithoutThrowing(String stored) {
        PasswordHashing hashing = new PasswordHashing(ARGON2ID);

        assertFalse(hashing.verify(PASSWORD.toCharArray(), stored), "verified");
        assertTrue(hashing.isOutdated(stored), "outdated");
    }

    static Stream<Named<String>> absurdParameters() {
        String saltAndHash =
                "$"
                        + Base64.getEncoder().withoutPadding().encodeToString(new byte[16])
                        + "$"
                        + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
        return Stream.of(
                Named.of("4 GiB of memory", "$argon2id$v=19$m=4194304,t=2,p=1" + saltAndHash),
                Named.of("a million passes", "$argon2id$v=19$m=64,t=1000000,p=1" + saltAndHash),
                Named.of("255 lanes", "$argon2id$v=19$m=4096,t=2,p=255" + saltAndHash),
                Named.of(
                        "two billion PBKDF2 iterations",
                        PBKDF2_1024.replace(":1024:", ":2000000000:")));
    }

    /** A tampered row must not make a login allocate gigabytes or run for minutes. */
    @ParameterizedTest
    @MethodSource("absurdParameters")
    void refusesStoredHashWithAbsurdParametersWithoutRunningIt(String stored) {
        PasswordHashing hashing = new PasswordHashing(ARGON2ID);

        boolean verified =
                assertTimeout(
                        Duration.ofMillis(500),
                        () -> hashing.verify(PASSWORD.toCharArray(), stored));

        assertFalse(verified);
    }
}
