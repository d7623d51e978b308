package org.mfaplatform.secretstore.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretKeyRingTest {

    /** Thirty-two bytes whose Base64 is easy to spot if it ever appears in a message. */
    static final String KEY_A = Base64.getEncoder().encodeToString(repeat((byte) 0x11, 32));

    static final String KEY_B = Base64.getEncoder().encodeToString(repeat((byte) 0x22, 32));

    static byte[] repeat(byte value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static IllegalArgumentException refused(String ring, String current) {
        IllegalArgumentException refusal =
                assertThrows(
                        IllegalArgumentException.class, () -> SecretKeyRing.parse(ring, current));
        for (String key : List.of(KEY_A, KEY_B, KEY_A.substring(0, 12))) {
            assertFalse(
                    refusal.getMessage().contains(key),
                    "the message shows no key material: " + refusal.getMessage());
        }
        return refusal;
    }

    @Test
    void parsesTwoKeysAndTheCurrentOne() {
        SecretKeyRing ring = SecretKeyRing.parse("2025:" + KEY_A + ", 2026:" + KEY_B, "2026");

        assertEquals(Set.of("2025", "2026"), ring.keyIds());
        assertEquals("2026", ring.currentKeyId());
        assertEquals(32, ring.key("2025").orElseThrow().getEncoded().length);
    }

    @Test
    void singleKeyIsCurrentWithoutBeingNamed() {
        assertEquals("only", SecretKeyRing.parse("only:" + KEY_A, "").currentKeyId());
    }

    @Test
    void blankRingIsEmpty() {
        SecretKeyRing ring = SecretKeyRing.parse(" ", "");

        assertTrue(ring.isEmpty());
        assertThrows(IllegalStateException.class, ring::currentKeyId);
    }

    @Test
    void refusesCurrentKeyIdMissingFromRing() {
        assertTrue(refused("a:" + KEY_A, "b").getMessage().contains("'b' is not in the key ring"));
    }

    @Test
    void refusesCurrentKeyIdWithEmptyRing() {
        assertTrue(refused("", "a").getMessage().contains("empty"));
    }

    @Test
    void refusesSeveralKeysWithoutCurrentOne() {
        assertTrue(refused("a:" + KEY_A + ",b:" + KEY_B, "").getMessage().contains("name the"));
    }

    @Test
    void refusesEntryWithoutKeyId() {
        assertTrue(
                refused("a:" + KEY_A + "," + KEY_B, "a")
                        .getMessage()
                        .contains("entry 2 is not keyId:base64Key"));
        assertTrue(refused(":" + KEY_A, "").getMessage().contains("entry 1 needs a key id"));
    }

    @Test
    void refusesKeyIdWithUnsafeCharacters() {
        assertTrue(refused("a b:" + KEY_A, "").getMessage().contains("entry 1 needs a key id"));
    }

    @Test
    void refusesDuplicateKeyId() {
        assertTrue(refused("a:" + KEY_A + ",a:" + KEY_B, "a").getMessage().contains("twice"));
    }

    @Test
    void refusesKeyThatIsNotBase64WithoutQuotingIt() {
        String broken = KEY_A.substring(0, 12) + "!" + KEY_A.substring(13);

        IllegalArgumentException refusal = refused("a:" + broken, "a");

        assertEquals("key 'a' is not valid Base64", refusal.getMessage());
    }

    @Test
    void refusesKeyOfWrongLength() {
        String aes128 = Base64.getEncoder().encodeToString(repeat((byte) 0x11, 16));

        assertEquals(
                "key 'a' has 16 bytes; AES-256 needs 32", refused("a:" + aes128, "a").getMessage());
    }

    @Test
    void stringFormShowsIdsOnly() {
        String shown = SecretKeyRing.parse("a:" + KEY_A + ",b:" + KEY_B, "b").toString();

        assertEquals("key ids [a, b], current b", shown);
    }

    @Test
    void withCurrentSwitchesTheKeyForNewEncryptions() {
        SecretKeyRing ring = SecretKeyRing.parse("a:" + KEY_A + ",b:" + KEY_B, "b");

        assertEquals("a", ring.withCurrent("a").currentKeyId());
        assertThrows(IllegalArgumentException.class, () -> ring.withCurrent("c"));
    }
}
