package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.GeneralSecurityException;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
            KeyedHmac keyed = new KeyedHmac(algorithm, key);
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(key, algorithm.jcaName()));

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

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void keepsTwoKeysOfOneThreadApart(HmacAlgorithm algorithm) throws GeneralSecurityException {
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5, 6};
        KeyedHmac firstHmac = new KeyedHmac(algorithm, first);
        KeyedHmac secondHmac = new KeyedHmac(algorithm, second);
        Mac mac = Mac.getInstance(algorithm.jcaName());
        mac.init(new SecretKeySpec(first, algorithm.jcaName()));

        secondHmac.mac(new byte[8]);

        assertArrayEquals(mac.doFinal(new byte[8]), firstHmac.mac(new byte[8]));
    }
}
