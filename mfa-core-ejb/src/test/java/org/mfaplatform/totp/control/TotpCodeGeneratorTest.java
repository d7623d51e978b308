package org.mfaplatform.totp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpCodeGeneratorTest {

    /** Every row of the table in RFC 6238 Appendix B: 8 digits, 30 s steps, T0 = 0. */
    @ParameterizedTest(name = "{1} at t={0} gives {2}")
    @CsvSource({
        "59, SHA1, 94287082",
        "59, SHA256, 46119246",
        "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804",
        "1111111109, SHA256, 68084774",
        "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471",
        "1111111111, SHA256, 67062674",
        "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924",
        "1234567890, SHA256, 91819424",
        "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037",
        "2000000000, SHA256, 90698825",
        "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130",
        "20000000000, SHA256, 77737706",
        "20000000000, SHA512, 47863826",
    })
    void matchesRfc6238AppendixB(long unixTime, HmacAlgorithm algorithm, String expected) {
        TotpPolicy policy = new TotpPolicy(algorithm, 8, Duration.ofSeconds(30), 1);
        TotpCodeGenerator generator = new TotpCodeGenerator(policy);

        long step = policy.timeStep(Instant.ofEpochSecond(unixTime));

        assertEquals(
                expected,
                generator.codeAt(Rfc6238.seed(algorithm), step),
                "code for " + algorithm + " at t=" + unixTime);
    }

    @ParameterizedTest(name = "6 digits at t={0} gives {1}")
    @CsvSource({"1234567890, 005924", "1111111109, 081804", "59, 287082"})
    void keepsLeadingZerosOfSixDigitCodes(long unixTime, String expected) {
        TotpPolicy policy = TotpPolicy.defaults();
        TotpCodeGenerator generator = new TotpCodeGenerator(policy);

        String code =
                generator.codeAt(
                        Rfc6238.SHA1_SEED, policy.timeStep(Instant.ofEpochSecond(unixTime)));

        assertEquals(expected, code, "six-digit SHA1 code at t=" + unixTime);
    }
}
