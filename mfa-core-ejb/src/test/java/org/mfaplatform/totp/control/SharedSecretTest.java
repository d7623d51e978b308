package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SharedSecretTest {

    @Test
    void generatesThirtyTwoBase32CharactersWithoutPadding() {
        String secret = SharedSecret.generate();

        assertTrue(secret.matches("^[A-Z2-7]{32}$"), "RFC 4648 Base32, no padding: " + secret);
    }

    @Test
    void carriesTwentyRandomBytes() {
        assertEquals(SharedSecret.KEY_BYTES, SharedSecret.decode(SharedSecret.generate()).length);
    }

    @Test
    void generatesADifferentKeyEachTime() {
        assertNotEquals(SharedSecret.generate(), SharedSecret.generate());
    }

    @Test
    void decodesRfc4648TestVector() {
        // RFC 4648 section 10 encodes "foobar" as MZXW6YTBOI======; twenty bytes need no padding.
        byte[] key = "12345678901234567890".getBytes();

        assertArrayEquals(key, SharedSecret.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    @Test
    void refusesKeysThatAreNotThirtyTwoBase32Characters() {
        assertThrows(IllegalArgumentException.class, () -> SharedSecret.decode("GEZDGNBV"));
        assertThrows(
                IllegalArgumentException.class,
                () -> SharedSecret.decode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"));
        assertThrows(IllegalArgumentException.class, () -> SharedSecret.decode(null));
    }

    @Test
    void encodesWhatItDecodes() {
        String secret = SharedSecret.generate();

        assertEquals(secret, SharedSecret.encode(SharedSecret.decode(secret)));
        assertThrows(IllegalArgumentException.class, () -> SharedSecret.encode(new byte[16]));
    }

    @Test
    void groupsKeyInBlocksOfFourForReading() {
        assertEquals(
                "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
                SharedSecret.groupedForReading("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    @Test
    void keyIsNotBase64() {
        String secret = SharedSecret.generate();

        assertNotEquals(Base64.getEncoder().encodeToString(SharedSecret.decode(secret)), secret);
    }
}
