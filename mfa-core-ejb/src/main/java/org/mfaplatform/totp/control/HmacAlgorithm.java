package org.mfaplatform.totp.control;

/** The hash functions RFC 6238 section 1.2 allows for the HMAC inside a TOTP code. */
public enum HmacAlgorithm {
    SHA1("HmacSHA1", "SHA-1", 64),
    SHA256("HmacSHA256", "SHA-256", 64),
    SHA512("HmacSHA512", "SHA-512", 128);

    private final String jcaName;
    private final String digestName;
    private final int blockBytes;

    HmacAlgorithm(String jcaName, String digestName, int blockBytes) {
        this.jcaName = jcaName;
        this.digestName = digestName;
        this.blockBytes = blockBytes;
    }

    /** The name under which the JDK's {@code Mac} provides this algorithm. */
    public String jcaName() {
        return jcaName;
    }

    /** The name under which the JDK's {@code MessageDigest} provides the hash function. */
    String digestName() {
        return digestName;
    }

    /** The hash function's block length, B in RFC 2104. */
    int blockBytes() {
        return blockBytes;
    }

    /** The spelling the Key URI format uses for its {@code algorithm} parameter. */
    public String keyUriName() {
        return name();
    }
}
