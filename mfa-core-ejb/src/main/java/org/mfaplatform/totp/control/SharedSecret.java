package org.mfaplatform.totp.control;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;

/**
 * The key an authenticator app and the server share, in the Base32 form of RFC 4648 section 6 that
 * apps expect in key URIs and for manual entry.
 */
public final class SharedSecret {

    /** RFC 4226 section 4 recommends 160 bits, the output size of HMAC-SHA1. */
    public static final int KEY_BYTES = 20;

    /** 20 bytes are exactly 32 Base32 characters, so no padding is ever needed. */
    private static final Pattern BASE32_FORM = Pattern.compile("[A-Z2-7]{32}");

    private static final int DISPLAY_GROUP = 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedSecret() {}

    /** A new random key, Base32-encoded: upper case, no padding, 32 characters. */
    public static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new Base32().encodeAsString(key);
    }

    /** The Base32 form of a key, as key URIs and manual entry show it. */
    public static String encode(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("not a " + KEY_BYTES + "-byte key");
        }
        return new Base32().encodeAsString(key);
    }

    public static byte[] decode(String base32) {
        if (base32 == null || !BASE32_FORM.matcher(base32).matches()) {
            throw new IllegalArgumentException("not a 32-character Base32 key");
        }
        return new Base32().decode(base32);
    }

    /** The key in blocks of four, the way people read it off a screen and type it into an app. */
    public static String groupedForReading(String base32) {
        StringBuilder grouped =
                new StringBuilder(base32.length() + base32.length() / DISPLAY_GROUP);
        for (int i = 0; i < base32.length(); i += DISPLAY_GROUP) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(base32, i, Math.min(i + DISPLAY_GROUP, base32.length()));
        }
        return grouped.toString();
    }
}
