package org.mfaplatform.totp.control;

import java.nio.charset.StandardCharsets;

/** The seeds of RFC 6238 Appendix B, the independent oracle for the TOTP tests. */
final class Rfc6238 {

    static final byte[] SHA1_SEED = ascii("12345678901234567890");
    static final byte[] SHA256_SEED = ascii("12345678901234567890123456789012");
    static final byte[] SHA512_SEED =
            ascii("1234567890123456789012345678901234567890123456789012345678901234");

    private Rfc6238() {}

    static byte[] seed(HmacAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SHA1_SEED;
            case SHA256 -> SHA256_SEED;
            case SHA512 -> SHA512_SEED;
        };
    }

    private static byte[] ascii(String seed) {
        return seed.getBytes(StandardCharsets.US_ASCII);
    }
}
