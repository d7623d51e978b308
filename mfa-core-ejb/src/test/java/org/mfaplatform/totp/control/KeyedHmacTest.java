package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** KeyedHmac against the JDK's {@code Mac} as the oracle. */
class KeyedHmacTest {

    /** Around the block lengths (64 and 128 bytes), where RFC 2104 hashes the key first. */
    private static final int[] KEY_LENGTHS = {1, 20, 32, 63, 64, 65, 127, 128, 129, 300};

    private static final int[] MESSAGE_LENGTHS = {0, 8, 55, 56, 64, 200};

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void matchesTheJdkMacForKeysShorterAndLongerThanABlock(HmacAlgorithm algorithm)
            throws GeneralSecurityException {
        Random random = new Random(6238);
        for (int keyLength : KEY_LENGTHS) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));

            try (KeyedHmac keyed = KeyedHmac.keyedWith(algorithm, key)) {
                for (int messageLength : MESSAGE_LENGTHS) {
                    byte[] message = new byte[messageLength];
                    random.nextBytes(message);
                    assertArrayEquals(
                            mac.doFinal(message),
                            keyed.mac(message),
                            algorithm + ", key of " + keyLength + ", message of " + messageLength);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void takesTheNextKeyOnlyAfterTheFirstIsClosed(HmacAlgorithm algorithm)
            throws GeneralSecurityException {
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5, 6};
        Mac mac = Mac.getInstance(algorithm.jcaName());

        try (KeyedHmac firstHmac = KeyedHmac.keyedWith(algorithm, first)) {
            assertThrows(IllegalStateException.class, () -> KeyedHmac.keyedWith(algorithm, second));
            mac.init(new SecretKeySpec(first, algorithm.jcaName()));
            assertArrayEquals(mac.doFinal(new byte[8]), firstHmac.mac(new byte[8]));
        }
        try (KeyedHmac secondHmac = KeyedHmac.keyedWith(algorithm, second)) {
            mac.init(new SecretKeySpec(second, algorithm.jcaName()));
            assertArrayEquals(mac.doFinal(new byte[8]), secondHmac.mac(new byte[8]));
        }
    }

    @Test
    void givesTheSameLastMacAndClosesWithIt() throws GeneralSecurityException {
        byte[] key = {7, 8, 9};
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] last = new byte[20];

        KeyedHmac hmac = KeyedHmac.keyedWith(HmacAlgorithm.SHA1, key);
        hmac.mac(new byte[8], new byte[20]);
        hmac.lastMac(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, last);

        assertArrayEquals(mac.doFinal(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), last);
        assertThrows(IllegalStateException.class, () -> hmac.mac(new byte[8]));
        KeyedHmac.keyedWith(HmacAlgorithm.SHA1, key).close();
    }

    @Test
    void computesNothingOnceClosed() {
        KeyedHmac hmac = KeyedHmac.keyedWith(HmacAlgorithm.SHA1, new byte[] {1, 2, 3});
        hmac.close();

        assertThrows(IllegalStateException.class, () -> hmac.mac(new byte[8]));
    }

    @Test
    void keysEveryThreadApart() throws Exception {
        try (KeyedHmac onThisThread = KeyedHmac.keyedWith(HmacAlgorithm.SHA1, new byte[] {1})) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                byte[] onOtherThread =
                        other.submit(
                                        () -> {
                                            try (KeyedHmac hmac =
                                                    KeyedHmac.keyedWith(
                                                            HmacAlgorithm.SHA1, new byte[] {2})) {
                                                return hmac.mac(new byte[8]);
                                            }
                                        })
                                .get();
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(new byte[] {2}, "HmacSHA1"));
                assertArrayEquals(mac.doFinal(new byte[8]), onOtherThread);
                mac.init(new SecretKeySpec(new byte[] {1}, "HmacSHA1"));
                assertArrayEquals(mac.doFinal(new byte[8]), onThisThread.mac(new byte[8]));
            } finally {
                other.shutdownNow();
            }
        }
    }
}
