package org.mfaplatform.account.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argon2id against two independent oracles: the test vector of RFC 9106 and the reference
 * implementation's command line.
 */
class Argon2idParametersTest {

    private static final String PASSWORD = "correct horse battery staple";

    /** Small enough to keep the tests fast, and with more than one lane. */
    private static final Argon2idParameters SMALL = new Argon2idParameters(256, 2, 2);

    static Stream<Argon2idParameters> parameters() {
        return Stream.of(Argon2idParameters.OWASP, Argon2idParameters.LOW_MEMORY, SMALL);
    }

    /**
     * RFC 9106 section 5.3. The vector also uses a secret and associated data, which password
     * hashes leave out; the rest is set up exactly as our hashes are.
     */
    @Test
    void derivesRfc9106Argon2idTestVector() {
        char[] password = new char[32];
        Arrays.fill(password, '\u0001');
        byte[] salt = filled(16, 0x02);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(
                new Argon2idParameters(32, 3, 4)
                        .generatorParameters(salt)
                        .withSecret(filled(8, 0x03))
                        .withAdditional(filled(12, 0x04))
                        .build());
        byte[] tag = new byte[32];

        generator.generateBytes(password, tag);

        assertArrayEquals(
                HexFormat.of()
                        .parseHex(
                                "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"),
                tag,
                "tag of RFC 9106 section 5.3");
    }

    @ParameterizedTest
    @MethodSource("parameters")
    void makesTheHashTheReferenceImplementationMakes(Argon2idParameters parameters) {
        String salt = "saltsaltsaltsalt";

        String ours =
                new PasswordHashing(parameters)
                        .hashWithSalt(
                                PASSWORD.toCharArray(), salt.getBytes(StandardCharsets.US_ASCII));

        assertEquals(ReferenceArgon2.hash(PASSWORD, salt, parameters), ours, "PHC string");
    }

    @ParameterizedTest
    @MethodSource("parameters")
    void verifiesHashOfTheReferenceImplementation(Argon2idParameters parameters) {
        String reference = ReferenceArgon2.hash(PASSWORD, "an 8+ byte salt", parameters);
        PasswordHashing hashing = new PasswordHashing(parameters);

        assertTrue(hashing.verify(PASSWORD.toCharArray(), reference), "right password");
        assertFalse(hashing.verify("Correct horse battery staple".toCharArray(), reference));
    }

    @Test
    void encodesPasswordAsUtf8AsTheReferenceImplementationReadsIt() {
        String password = "pässwörd ✓";
        String reference = ReferenceArgon2.hash(password, "saltsalt", SMALL);

        assertTrue(new PasswordHashing(SMALL).verify(password.toCharArray(), reference));
    }

    @Test
    void writesPhcStringWithUnpaddedBase64() {
        String hash = new PasswordHashing(SMALL).hash(PASSWORD.toCharArray());

        assertTrue(
                hash.matches(
                        "\\$argon2id\\$v=19\\$m=256,t=2,p=2\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                "16-byte salt and 32-byte hash without padding: " + hash.length() + " chars");
    }

    @Test
    void refusesMemoryBelowEightKiBPerLane() {
        IllegalArgumentException refused =
                assertThrows(
                        IllegalArgumentException.class, () -> new Argon2idParameters(31, 1, 4));
        assertTrue(refused.getMessage().contains("32 KiB"), refused.getMessage());
    }

    @Test
    void refusesMemoryAboveTheBound() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Argon2idParameters(Argon2idParameters.MAX_MEMORY_KIB + 1, 2, 1));
    }

    @Test
    void refusesZeroAndTooManyPasses() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(19456, 0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Argon2idParameters(19456, Argon2idParameters.MAX_PASSES + 1, 1));
    }

    @Test
    void refusesZeroAndTooManyLanes() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(19456, 2, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Argon2idParameters(19456, 2, Argon2idParameters.MAX_PARALLELISM + 1));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
