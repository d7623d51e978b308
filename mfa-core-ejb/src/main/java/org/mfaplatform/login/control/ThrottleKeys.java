package org.mfaplatform.login.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.mfaplatform.account.entity.Account;

/**
 * The keys a password attempt is counted under: its email (as normalized for lookup) and client
 * address together, and, where the deployment limits addresses, the address alone. Each key is
 * stored as a SHA-256 digest, so the database never holds an email someone typed, which may be a
 * typo of another user's address or a password typed into the wrong field.
 *
 * <p>The email is counted as typed, never looked up, so an unknown email is slowed exactly like a
 * known one and the throttle tells nothing about which accounts exist.
 */
public record ThrottleKeys(String pair, String address) {

    public static ThrottleKeys of(String email, String clientAddress) {
        // A line break occurs in neither an address nor a normalized email that reached this far,
        // and the prefixes keep the two kinds of key apart.
        return new ThrottleKeys(
                digest("pair\n" + Account.normalizeEmail(email) + "\n" + clientAddress),
                digest("address\n" + clientAddress));
    }

    /**
     * @return the keys whose count a failure raises and whose block an attempt waits for
     */
    public List<String> counted(ThrottleLimits limits) {
        return limits.limitsAddresses() ? List.of(pair, address) : List.of(pair);
    }

    private static String digest(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
