package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyUriTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static String uri(String issuer, String email) {
        return KeyUri.totp(issuer, email, SECRET, TotpPolicy.defaults());
    }

    @Test
    void followsKeyUriFormatWithIssuerInLabelAndParameter() {
        assertEquals(
                "otpauth://totp/mfa.example.com:ann@example.com".replace("@", "%40")
                        + "?secret="
                        + SECRET
                        + "&issuer=mfa.example.com",
                uri("mfa.example.com", "ann@example.com"));
    }

    @Test
    void encodesPlusAndAtOfEmail() {
        String uri = uri("example.com", "a+b@example.com");

        assertTrue(
                uri.startsWith("otpauth://totp/example.com:a%2Bb%40example.com?"),
                "label must hold a%2Bb%40example.com: " + uri);
    }

    @Test
    void encodesCommaAndSpaceOfIssuerAsPercentTwenty() {
        String uri = uri("Acme, Inc.", "ann@example.com");

        assertTrue(uri.startsWith("otpauth://totp/Acme%2C%20Inc.:"), "label: " + uri);
        assertTrue(uri.endsWith("&issuer=Acme%2C%20Inc."), "issuer parameter: " + uri);
        assertFalse(uri.contains("+"), "space must never become +: " + uri);
    }

    @Test
    void replacesColonOfIssuerSoLabelHasExactlyOneColon() {
        String uri = uri("Acme:Labs", "ann@example.com");
        String label = uri.substring("otpauth://totp/".length(), uri.indexOf('?'));

        assertEquals("Acme-Labs:ann%40example.com", label, "label");
        assertTrue(uri.endsWith("&issuer=Acme-Labs"), "issuer parameter: " + uri);
        assertEquals(1, label.chars().filter(c -> c == ':').count(), "colons in label");
    }

    @Test
    void encodesNonAsciiAsUtf8Once() {
        String uri = uri("Bäckerei", "zoë@example.com");

        assertTrue(uri.startsWith("otpauth://totp/B%C3%A4ckerei:zo%C3%AB%40example.com?"), uri);
        assertFalse(uri.contains("%25"), "nothing may be encoded twice: " + uri);
    }

    @Test
    void leavesUnreservedCharactersAsTheyAre() {
        String uri = uri("a-b.c_d~e", "x@y.z");

        assertTrue(uri.startsWith("otpauth://totp/a-b.c_d~e:"), uri);
    }

    @Test
    void encodesAsteriskWhichFormEncodingWouldLeave() {
        assertEquals("a%2Ab", KeyUri.percentEncode("a*b"));
    }

    @Test
    void omitsParametersWhenPolicyHasAppDefaults() {
        String uri = uri("example.com", "ann@example.com");

        assertFalse(uri.contains("algorithm="), uri);
        assertFalse(uri.contains("digits="), uri);
        assertFalse(uri.contains("period="), uri);
    }

    @Test
    void namesParametersWhenPolicyDiffersFromAppDefaults() {
        TotpPolicy policy = new TotpPolicy(HmacAlgorithm.SHA256, 8, Duration.ofSeconds(60), 1);

        String uri = KeyUri.totp("example.com", "ann@example.com", SECRET, policy);

        assertTrue(uri.endsWith("&algorithm=SHA256&digits=8&period=60"), uri);
    }

    @Test
    void isAValidUri() {
        URI parsed = URI.create(uri("Acme, Inc.", "a+b@example.com"));

        assertEquals("otpauth", parsed.getScheme());
        assertEquals("totp", parsed.getHost());
        assertEquals("/Acme, Inc.:a+b@example.com", parsed.getPath(), "decoded label");
    }
}
