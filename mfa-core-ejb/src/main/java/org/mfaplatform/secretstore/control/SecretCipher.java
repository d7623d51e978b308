package org.mfaplatform.secretstore.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts and decrypts secrets with AES-256-GCM (NIST SP 800-38D) under the keys of a {@link
 * SecretKeyRing}, using only the JDK's own provider.
 *
 * <p>Each encryption draws a fresh random 96-bit nonce, which SP 800-38D section 8.2.2 allows for
 * up to 2^32 encryptions per key, far more than a user base sets up devices between rotations. The
 * 128-bit tag makes any change to the ciphertext fail decryption. The associated data binds a
 * ciphertext to the row it belongs to, so a ciphertext copied into another account's row does not
 * decrypt there.
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeyRing ring;

    public SecretCipher(SecretKeyRing ring) {
        this.ring = ring;
    }

    /**
     * The associated data of an account's device secret. The account id rather than the device id,
     * because the device row has no id until it is inserted, and an account has at most one device.
     */
    public static byte[] boundToAccount(long accountId) {
        return ("MFA_DEVICE.SECRET account " + accountId).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @throws SecretKeyMissingException if the ring holds no key
     */
    public SealedSecret seal(byte[] plaintext, byte[] associatedData) {
        if (ring.isEmpty()) {
            throw new SecretKeyMissingException("no secret-encryption key is configured");
        }
        String keyId = ring.currentKeyId();
        SecretKey key = ring.key(keyId).orElseThrow();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);

        byte[] ciphertext;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            ciphertext = cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            // AES-GCM is required of every Java platform; failing here means a broken JDK.
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }

        byte[] stored =
                ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                        .put(nonce)
                        .put(ciphertext)
                        .array();
        return new SealedSecret(keyId, Base64.getEncoder().encodeToString(stored));
    }

    /**
     * @throws SecretUnreadableException if the key id is not in the ring, or the ciphertext, key or
     *     associated data do not match
     */
    public byte[] open(SealedSecret sealed, byte[] associatedData) {
        SecretKey key =
                ring.key(sealed.keyId())
                        .orElseThrow(
                                () ->
                                        new SecretUnreadableException(
                                                "key id '"
                                                        + sealed.keyId()
                                                        + "' is not in the key ring"));
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("the stored ciphertext is not Base64");
        }
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException("the stored ciphertext is too short");
        }

        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOf(stored, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException(
                    "the ciphertext under key '"
                            + sealed.keyId()
                            + "' does not authenticate: changed, or moved from another row",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Whether a secret is under the key new encryptions use, so rotation can leave it alone. */
    public boolean isUnderCurrentKey(SealedSecret sealed) {
        return !ring.isEmpty() && ring.currentKeyId().equals(sealed.keyId());
    }
}
