package org.mfaplatform.secretstore.control;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that TOTP secrets are encrypted under, each with an id that is stored beside
 * every ciphertext, and the one key new encryptions use. Older keys stay in the ring until the
 * rotation command has moved every secret off them.
 *
 * <p>The ring is written {@code keyId:base64Key[,keyId:base64Key...]}. Error messages name the
 * entry and its key id, never any part of a key, because they end up in server logs.
 */
public final class SecretKeyRing {

    /** AES-256. */
    public static final int KEY_BYTES = 32;

    /** Short, printable and free of the ring's separators, so ids are safe to log and store. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final SecretKeyRing EMPTY = new SecretKeyRing(Map.of(), null);

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;

    private SecretKeyRing(Map<String, SecretKey> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    public static SecretKeyRing empty() {
        return EMPTY;
    }

    /**
     * @param ring the keys, {@code keyId:base64Key} separated by commas; blank for none
     * @param currentKeyId the id of the key for new encryptions; may be blank when the ring holds
     *     exactly one key
     * @throws IllegalArgumentException naming the broken entry, without key material
     */
    public static SecretKeyRing parse(String ring, String currentKeyId) {
        String current = currentKeyId == null ? "" : currentKeyId.strip();
        if (ring == null || ring.isBlank()) {
            if (!current.isEmpty()) {
                throw new IllegalArgumentException(
                        "the current key id is '" + current + "' but the key ring is empty");
            }
            return EMPTY;
        }

        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = ring.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            addEntry(keys, entries[i].strip(), i + 1);
        }

        if (current.isEmpty()) {
            if (keys.size() != 1) {
                throw new IllegalArgumentException(
                        "the key ring holds " + keys.size() + " keys; name the current one");
            }
            current = keys.keySet().iterator().next();
        }
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException(
                    "the current key id '" + current + "' is not in the key ring " + keys.keySet());
        }
        return new SecretKeyRing(Collections.unmodifiableMap(keys), current);
    }

    private static void addEntry(Map<String, SecretKey> keys, String entry, int position) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "key ring entry " + position + " is not keyId:base64Key");
        }
        String keyId = entry.substring(0, colon).strip();
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException(
                    "key ring entry "
                            + position
                            + " needs a key id of 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (keys.containsKey(keyId)) {
            throw new IllegalArgumentException("key id '" + keyId + "' occurs twice");
        }

        byte[] key;
        try {
            key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character; keep it out of the logs.
            throw new IllegalArgumentException("key '" + keyId + "' is not valid Base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "key '" + keyId + "' has " + key.length + " bytes; AES-256 needs " + KEY_BYTES);
        }
        keys.put(keyId, new SecretKeySpec(key, "AES"));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * @return the id of the key new encryptions use
     * @throws IllegalStateException if the ring is empty
     */
    public String currentKeyId() {
        if (isEmpty()) {
            throw new IllegalStateException("no secret-encryption key is configured");
        }
        return currentKeyId;
    }

    public Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** The same keys with another one current, for example to test secrets under an old key. */
    public SecretKeyRing withCurrent(String keyId) {
        if (!keys.containsKey(keyId)) {
            throw new IllegalArgumentException("key id '" + keyId + "' is not in the key ring");
        }
        return new SecretKeyRing(keys, keyId);
    }

    /** Ids only: a ring's string form goes to logs. */
    @Override
    public String toString() {
        return isEmpty() ? "no keys" : "key ids " + keys.keySet() + ", current " + currentKeyId;
    }
}
