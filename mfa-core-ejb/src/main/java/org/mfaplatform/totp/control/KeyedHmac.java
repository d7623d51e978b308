package org.mfaplatform.totp.control;

import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * HMAC (RFC 2104) under one key, for several messages: the hash states after the inner and the
 * outer padded key are computed once and copied for each message, as RFC 2104 section 4 suggests. A
 * message of one block then costs two blocks of the hash instead of the four a {@code Mac} spends
 * on every call, so the three time steps of a token check cost about two HMACs, not three.
 *
 * <p>Each thread has one instance per algorithm, keyed by {@link #keyedWith} and wiped by {@link
 * #close}: the two keyed states are as good as the key (they compute its HMACs), so they must not
 * outlive the check, and resetting two digests costs less than making new ones, which is a third of
 * a check. A thread holds one key at a time; keying it again before closing is refused, so two
 * checks can never mix their keys. {@code KeyedHmacTest} compares it with the JDK's {@code Mac} for
 * every algorithm and for keys shorter and longer than a block.
 */
final class KeyedHmac implements AutoCloseable {

    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5c;

    private static final ThreadLocal<Map<HmacAlgorithm, KeyedHmac>> OF_THREAD =
            ThreadLocal.withInitial(() -> new EnumMap<>(HmacAlgorithm.class));

    private final HmacAlgorithm algorithm;
    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] pad;
    private boolean keyed;

    private KeyedHmac(HmacAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.inner = newDigest(algorithm);
        this.outer = newDigest(algorithm);
        this.pad = new byte[algorithm.blockBytes()];
    }

    /** This thread's HMAC of {@code algorithm} under {@code key}, until {@link #close}. */
    static KeyedHmac keyedWith(HmacAlgorithm algorithm, byte[] key) {
        KeyedHmac hmac = OF_THREAD.get().computeIfAbsent(algorithm, KeyedHmac::new);
        if (hmac.keyed) {
            throw new IllegalStateException(
                    "this thread's " + algorithm + " HMAC still holds a key: close it first");
        }
        hmac.key(key);
        return hmac;
    }

    private void key(byte[] key) {
        // RFC 2104 section 2: a key longer than a block is replaced by its hash.
        byte[] blockKey = key.length > algorithm.blockBytes() ? inner.digest(key) : key;
        inner.update(padded(blockKey, INNER_PAD));
        outer.update(padded(blockKey, OUTER_PAD));
        Arrays.fill(pad, (byte) 0);
        keyed = true;
    }

    /** The length of an HMAC, the hash function's output length. */
    int macBytes() {
        return inner.getDigestLength();
    }

    byte[] mac(byte[] message) {
        byte[] result = new byte[macBytes()];
        mac(message, result);
        return result;
    }

    /**
     * The HMAC of {@code message} into {@code result}, which must hold the digest length: a check
     * computing several steps reuses one array instead of allocating two per step.
     */
    void mac(byte[] message, byte[] result) {
        requireKey();
        mac(copy(inner), copy(outer), message, result);
    }

    /**
     * As {@link #mac(byte[], byte[])}, for the last message under this key: it uses up the keyed
     * states themselves instead of copies of them, saving the two copies, and closes.
     */
    void lastMac(byte[] message, byte[] result) {
        requireKey();
        try {
            mac(inner, outer, message, result);
        } finally {
            close();
        }
    }

    private static void mac(
            MessageDigest innerHash, MessageDigest outerHash, byte[] message, byte[] result) {
        try {
            innerHash.update(message);
            innerHash.digest(result, 0, result.length);
            outerHash.update(result);
            outerHash.digest(result, 0, result.length);
        } catch (DigestException e) {
            throw new IllegalArgumentException(
                    "result holds " + result.length + " bytes, not " + innerHash.getDigestLength(),
                    e);
        }
    }

    private void requireKey() {
        if (!keyed) {
            throw new IllegalStateException("closed: key it again with keyedWith");
        }
    }

    /** Forgets the key: both digests go back to their initial state. Closing twice is harmless. */
    @Override
    public void close() {
        inner.reset();
        outer.reset();
        keyed = false;
    }

    private byte[] padded(byte[] key, byte value) {
        Arrays.fill(pad, value);
        for (int i = 0; i < key.length; i++) {
            pad[i] = (byte) (key[i] ^ value);
        }
        return pad;
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            // The JDK's own SHA digests are all cloneable.
            throw new IllegalStateException(digest.getAlgorithm() + " cannot be copied", e);
        }
    }

    private static MessageDigest newDigest(HmacAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.digestName());
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide SHA-1, SHA-256 and SHA-512, so this is a broken
            // JDK.
            throw new IllegalStateException(algorithm.digestName() + " is not available", e);
        }
    }
}
