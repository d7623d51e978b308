package org.mfaplatform.benchmark.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One seeded benchmark user, known by its index alone: its email and TOTP key follow from the
 * index, so the seeding and the load generator agree without sharing a file. The codes are computed
 * here, from RFC 6238 directly, rather than with the product's generator, as an authenticator app
 * would.
 */
public record BenchmarkUser(int index) {

    /** The one password of every benchmark user; hashed once per run by the seeding. */
    public static final String PASSWORD = "bench-password-1";

    private static final long PERIOD_SECONDS = 30;

    /** The last time step each user logged in with, so a user never repeats a step (replay). */
    private static final Map<Integer, Long> LAST_STEPS = new ConcurrentHashMap<>();

    public String email() {
        return String.format("user-%05d@bench.example", index);
    }

    /** 20 bytes, as the product's keys: the first of SHA-256 over the user's index. */
    public byte[] key() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(("mfa-bench-user:" + index).getBytes(StandardCharsets.UTF_8));
            byte[] key = new byte[20];
            System.arraycopy(digest, 0, key, 0, key.length);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long stepAt(Instant instant) {
        return instant.getEpochSecond() / PERIOD_SECONDS;
    }

    /**
     * How long this user must wait before its next login, so that it never gives a code of a time
     * step it already used: the server refuses that as a replay.
     */
    public long millisUntilFreshStep() {
        Long last = LAST_STEPS.get(index);
        long now = System.currentTimeMillis();
        if (last == null || last < now / 1000 / PERIOD_SECONDS) {
            return 0;
        }
        return (last + 1) * PERIOD_SECONDS * 1000 - now + 50;
    }

    /** The code an authenticator app shows now; remembers its step as used. */
    public String codeNow() {
        long step = stepAt(Instant.now());
        LAST_STEPS.put(index, step);
        return codeAt(step);
    }

    /** RFC 6238 with SHA1, 6 digits, as the server is configured. */
    public String codeAt(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key(), "HmacSHA1"));
            byte[] hmac = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hmac[hmac.length - 1] & 0x0f;
            int binary =
                    ((hmac[offset] & 0x7f) << 24)
                            | ((hmac[offset + 1] & 0xff) << 16)
                            | ((hmac[offset + 2] & 0xff) << 8)
                            | (hmac[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
