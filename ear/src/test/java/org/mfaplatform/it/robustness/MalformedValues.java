package org.mfaplatform.it.robustness;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The malformed values every form field gets, each with a name that says what it tries. One list
 * for all forms, so that a value added here reaches every form.
 */
final class MalformedValues {

    private MalformedValues() {}

    static Stream<Arguments> all() {
        return Stream.of(
                named("empty", ""),
                named("one blank", " "),
                named("blanks and tab", "   \t  "),
                named("letters", "abcdef"),
                named("5 digits", "12345"),
                named("7 digits", "1234567"),
                named("100 digits", "9".repeat(100)),
                named("plus and leading zero", "+05924"),
                named("minus sign", "-123456"),
                // Authenticator apps show a token as "123 456": a form of a token, here a wrong
                // one.
                named("digits with space inside", "123 456"),
                named("digits with no-break space inside", "123\u00A0456"),
                named("digits with hyphen inside", "123-456"),
                named("digits padded with blanks", " 123456 "),
                named("full-width digits", "１２３４５６"),
                named("Arabic-Indic digits", "١٢٣٤٥٦"),
                named("Devanagari digits", "१२३४५६"),
                named("zero-width space before digits", "\u200B123456"),
                named("right-to-left override", "\u202E654321"),
                named("10 KB of letters", "a".repeat(10 * 1024)),
                named("10 KB of digits", "1".repeat(10 * 1024)),
                named("NUL byte inside", "123\u0000456"),
                named("NUL byte alone", "\u0000"),
                named("terminal escape", "\u001b[31m123456"),
                named("line break", "123\r\n456"),
                named("HTML", "<b>bold</b><i>"),
                named("script", "<script>alert(1)</script>"),
                named("attribute breakout", "\"><img src=x onerror=alert(1)>"),
                named("EL expression", "#{facesContext.externalContext.sessionMap}"),
                named("SQL quote", "' OR '1'='1"),
                named("SQL statement", "123456'; DROP TABLE account; --"),
                named("LIKE wildcards", "%_%"),
                named("backslash", "\\"),
                named("emoji", "\uD83D\uDE00\uD83D\uDE00"),
                named("overlong email", "a".repeat(300) + "@example.test"),
                named("email with two at signs", "alice@@example.com"),
                named("email without at sign", "alice.example.com"),
                named("email with header injection", "alice@example.com\r\nBcc: x@example.test"),
                named("email with umlaut domain", "alice@exämple.com"),
                named("number too big for a long", "99999999999999999999999"),
                named("exponent", "1e5"),
                named("percent-encoded NUL as text", "%00"));
    }

    private static Arguments named(String name, String value) {
        return Arguments.of(name, value);
    }
}
