package org.mfaplatform.secretstore.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfaplatform.secretstore.control.SecretKeyRingTest.KEY_A;
import static org.mfaplatform.secretstore.control.SecretKeyRingTest.KEY_B;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeyRing ring = SecretKeyRing.parse("old:" + KEY_A + ",new:" + KEY_B, "new");

    private final SecretCipher cipher = new SecretCipher(ring);

    private static final byte[] ACCOUNT_7 = SecretCipher.boundToAccount(7);

    @Test
    void roundTripsUnderCurrentKey() {
        SealedSecret sealed = cipher.seal(SECRET, ACCOUNT_7);

        assertEquals("new", sealed.keyId());
        assertArrayEquals(SECRET, cipher.open(sealed, ACCOUNT_7));
        assertTrue(cipher.isUnderCurrentKey(sealed));
    }

    @Test
    void storesNonceCiphertextAndTagOnly() {
        byte[] stored = Base64.getDecoder().decode(cipher.seal(SECRET, ACCOUNT_7).ciphertext());

        assertEquals(12 + SECRET.length + 16, stored.length);
        assertFalse(
                new String(stored, StandardCharsets.ISO_8859_1).contains("1234567890"),
                "no plaintext in the stored bytes");
    }

    @Test
    void drawsFreshNonceForEachEncryption() {
        assertNotEquals(
                cipher.seal(SECRET, ACCOUNT_7).ciphertext(),
                cipher.seal(SECRET, ACCOUNT_7).ciphertext());
    }

    @Test
    void decryptsWithTheJdkAsIndependentOracle() throws Exception {
        SealedSecret sealed = cipher.seal(SECRET, ACCOUNT_7);
        byte[] stored = Base64.getDecoder().decode(sealed.ciphertext());

        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(KEY_B), "AES"),
                new GCMParameterSpec(128, stored, 0, 12));
        jdk.updateAAD("MFA_DEVICE.SECRET account 7".getBytes(StandardCharsets.US_ASCII));

        assertArrayEquals(SECRET, jdk.doFinal(stored, 12, stored.length - 12));
    }

    @Test
    void rejectsCiphertextWithFlippedBit() {
        SealedSecret sealed = cipher.seal(SECRET, ACCOUNT_7);
        byte[] stored = Base64.getDecoder().decode(sealed.ciphertext());
        stored[15] ^= 1;
        SealedSecret tampered = new SealedSecret("new", Base64.getEncoder().encodeToString(stored));

        assertThrows(SecretUnreadableException.class, () -> cipher.open(tampered, ACCOUNT_7));
    }

    @Test
    void rejectsCiphertextCopiedToAnotherAccount() {
        SealedSecret sealed = cipher.seal(SECRET, ACCOUNT_7);

        SecretUnreadableException refusal =
                assertThrows(
                        SecretUnreadableException.class,
                        () -> cipher.open(sealed, SecretCipher.boundToAccount(8)));
        assertTrue(refusal.getMessage().contains("another row"), refusal.getMessage());
    }

    @Test
    void rejectsCiphertextLabelledWithAnotherKeyId() {
        SealedSecret sealed = cipher.seal(SECRET, ACCOUNT_7);
        SealedSecret relabelled = new SealedSecret("old", sealed.ciphertext());

        assertThrows(SecretUnreadableException.class, () -> cipher.open(relabelled, ACCOUNT_7));
    }

    @Test
    void rejectsKeyIdMissingFromRing() {
        SealedSecret sealed = cipher.seal(SECRET, ACCOUNT_7);
        SecretCipher withoutNewKey = new SecretCipher(SecretKeyRing.parse("old:" + KEY_A, "old"));

        SecretUnreadableException refusal =
                assertThrows(
                        SecretUnreadableException.class,
                        () -> withoutNewKey.open(sealed, ACCOUNT_7));
        assertEquals("key id 'new' is not in the key ring", refusal.getMessage());
    }

    @Test
    void rejectsTruncatedOrGarbledCiphertext() {
        assertThrows(
                SecretUnreadableException.class,
                () -> cipher.open(new SealedSecret("new", "AAAA"), ACCOUNT_7));
        assertThrows(
                SecretUnreadableException.class,
                () -> cipher.open(new SealedSecret("new", "not base64!"), ACCOUNT_7));
    }

    @Test
    void opensSecretsUnderOlderKeyOfTheRing() {
        SealedSecret underOld = new SecretCipher(ring.withCurrent("old")).seal(SECRET, ACCOUNT_7);

        assertEquals("old", underOld.keyId());
        assertFalse(cipher.isUnderCurrentKey(underOld));
        assertArrayEquals(SECRET, cipher.open(underOld, ACCOUNT_7));
    }

    @Test
    void refusesToSealWithoutKey() {
        SecretCipher keyless = new SecretCipher(SecretKeyRing.empty());

        assertThrows(SecretKeyMissingException.class, () -> keyless.seal(SECRET, ACCOUNT_7));
    }

    @Test
    void stringFormOfSealedSecretHidesCiphertext() {
        SealedSecret sealed = cipher.seal(SECRET, ACCOUNT_7);

        assertFalse(sealed.toString().contains(sealed.ciphertext()));
    }
}
