package org.mfaplatform.totp.control;

import java.util.Arrays;

/**
 * Computes the code of one time step, RFC 4226 section 5.3 with the time step of RFC 6238 as the
 * counter.
 *
 * <p>The HMAC is {@link KeyedHmac}, not the JDK's {@code Mac}: a token check computes the codes of
 * three time steps under one key, and KeyedHmac pays for the key once, so the check costs about two
 * HMACs instead of three (TotpCheckBenchmark, BENCHMARKS.md). For the same reason the check works
 * on the codes' numbers and one reused buffer, not on strings.
 */
public final class TotpCodeGenerator {

    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
    };

    private final TotpPolicy policy;

    public TotpCodeGenerator(TotpPolicy policy) {
        this.policy = policy;
    }

    /** The code for {@code timeStep}, left-padded with zeros to the policy's number of digits. */
    public String codeAt(byte[] key, long timeStep) {
        return zeroPadded(valuesFrom(key, timeStep, 1)[0], policy.digits());
    }

    /**
     * The codes of {@code count} time steps from {@code firstStep} on, under one key, as numbers (a
     * code without its leading zeros): a check compares numbers, with no strings made per step.
     */
    int[] valuesFrom(byte[] key, long firstStep, int count) {
        try (KeyedHmac hmac = KeyedHmac.keyedWith(policy.algorithm(), key)) {
            byte[] counter = new byte[Long.BYTES];
            byte[] mac = new byte[hmac.macBytes()];
            int[] values = new int[count];
            for (int i = 0; i < count; i++) {
                writeCounter(firstStep + i, counter);
                if (i < count - 1) {
                    hmac.mac(counter, mac);
                } else {
                    hmac.lastMac(counter, mac);
                }
                values[i] = truncated(mac);
            }
            Arrays.fill(mac, (byte) 0);
            return values;
        }
    }

    /** RFC 4226 section 5.2: the counter is 8 bytes, most significant first. */
    private static void writeCounter(long timeStep, byte[] counter) {
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            counter[i] = (byte) timeStep;
            timeStep >>>= 8;
        }
    }

    /** RFC 4226 section 5.3: dynamic truncation, then the low decimal digits. */
    private int truncated(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary =
                ((hmac[offset] & 0x7f) << 24)
                        | ((hmac[offset + 1] & 0xff) << 16)
                        | ((hmac[offset + 2] & 0xff) << 8)
                        | (hmac[offset + 3] & 0xff);
        return binary % POWERS_OF_TEN[policy.digits()];
    }

    private static String zeroPadded(int code, int digits) {
        StringBuilder padded = new StringBuilder(digits).append(code);
        while (padded.length() < digits) {
            padded.insert(0, '0');
        }
        return padded.toString();
    }
}
