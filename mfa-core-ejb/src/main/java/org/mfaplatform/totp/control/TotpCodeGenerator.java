package org.mfaplatform.totp.control;

/**
 * Computes the code of one time step, RFC 4226 section 5.3 with the time step of RFC 6238 as the
 * counter.
 *
 * <p>The HMAC is {@link KeyedHmac}, not the JDK's {@code Mac}: a token check computes the codes of
 * three time steps under one key, and KeyedHmac pays for the key once, so the check costs about two
 * HMACs instead of three (TotpCheckBenchmark, BENCHMARKS.md).
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
        return codesFrom(key, timeStep, 1)[0];
    }

    /** The codes of {@code count} time steps from {@code firstStep} on, under one key. */
    public String[] codesFrom(byte[] key, long firstStep, int count) {
        KeyedHmac hmac = new KeyedHmac(policy.algorithm(), key);
        String[] codes = new String[count];
        for (int i = 0; i < count; i++) {
            codes[i] = codeOf(hmac.mac(counter(firstStep + i)));
        }
        return codes;
    }

    private static byte[] counter(long timeStep) {
        byte[] counter = new byte[Long.BYTES];
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            counter[i] = (byte) timeStep;
            timeStep >>>= 8;
        }
        return counter;
    }

    private String codeOf(byte[] hmac) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary =
                ((hmac[offset] & 0x7f) << 24)
                        | ((hmac[offset + 1] & 0xff) << 16)
                        | ((hmac[offset + 2] & 0xff) << 8)
                        | (hmac[offset + 3] & 0xff);
        int code = binary % POWERS_OF_TEN[policy.digits()];

        return zeroPadded(code, policy.digits());
    }

    private static String zeroPadded(int code, int digits) {
        StringBuilder padded = new StringBuilder(digits).append(code);
        while (padded.length() < digits) {
            padded.insert(0, '0');
        }
        return padded.toString();
    }
}
