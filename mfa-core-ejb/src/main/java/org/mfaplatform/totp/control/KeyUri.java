package org.mfaplatform.totp.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the {@code otpauth://} URI an authenticator app reads from a QR code, in the Key URI
 * format (github.com/google/google-authenticator/wiki/Key-Uri-Format). This is the only place that
 * writes such a URI.
 */
public final class KeyUri {

    private KeyUri() {}

    /**
     * {@code otpauth://totp/ISSUER:EMAIL?secret=...&issuer=ISSUER}.
     *
     * <p>The issuer appears in the label and as a parameter because older apps read only the label
     * and newer ones prefer the parameter. A {@code :} in the issuer would make the label
     * ambiguous, since the label's one {@code :} separates issuer from account, so it becomes
     * {@code -}. Both parts are percent-encoded as UTF-8 exactly once, everything outside the RFC
     * 3986 unreserved set, with space as {@code %20}: apps decode the label as a URI path, where
     * {@code +} is a literal plus. Algorithm, digits and period are written only when they differ
     * from the defaults apps assume.
     */
    public static String totp(String issuer, String email, String base32Secret, TotpPolicy policy) {
        String encodedIssuer = percentEncode(issuer.replace(':', '-'));
        String encodedEmail = percentEncode(email);

        StringBuilder uri =
                new StringBuilder("otpauth://totp/")
                        .append(encodedIssuer)
                        .append(':')
                        .append(encodedEmail)
                        .append("?secret=")
                        .append(base32Secret)
                        .append("&issuer=")
                        .append(encodedIssuer);
        if (!policy.usesAppDefaults()) {
            uri.append("&algorithm=").append(policy.algorithm().keyUriName());
            uri.append("&digits=").append(policy.digits());
            uri.append("&period=").append(policy.period().toSeconds());
        }

        return uri.toString();
    }

    /**
     * {@link URLEncoder} implements HTML form encoding, which differs from RFC 3986 in three
     * characters: it writes space as {@code +}, leaves {@code *} alone and encodes {@code ~}. Those
     * three are put right; every other character is already encoded as RFC 3986 wants.
     */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
