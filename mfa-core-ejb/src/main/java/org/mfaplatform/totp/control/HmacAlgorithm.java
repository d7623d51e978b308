package org.mfaplatform.totp.control;

/** The hash functions RFC 6238 section 1.2 allows for the HMAC inside a TOTP code. */
public enum HmacAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String jcaName;

    HmacAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The name under which the JDK's {@code Mac} provides this algorithm. */
    public String jcaName() {
        return jcaName;
    }

    /** The spelling the Key URI format uses for its {@code algorithm} parameter. */
    public String keyUriName() {
        return name();
    }
}
