package org.mfaplatform.benchmark.keycloak;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes with the policy both servers run: HMAC-SHA1, 6 digits, 30-second steps. The load
 * generator computes them as an authenticator app would; the server checks them.
 */
final class TotpGenerator {

    static final long PERIOD_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int MODULUS = 1_000_000;

    private TotpGenerator() {}

    static long timeStep(long epochMillis) {
        return epochMillis / 1000 / PERIOD_SECONDS;
    }

    /** RFC 4226 section 5.3: HMAC of the counter, dynamic truncation, last six digits. */
    static String code(byte[] secret, long timeStep) {
        byte[] hmac = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(timeStep).array());
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary =
                ((hmac[offset] & 0x7f) << 24)
                        | ((hmac[offset + 1] & 0xff) << 16)
                        | ((hmac[offset + 2] & 0xff) << 8)
                        | (hmac[offset + 3] & 0xff);
        return String.format("%0" + DIGITS + "d", binary % MODULUS);
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }
}
