package org.mfaplatform.secretstore.control;

/**
 * A secret as stored: the id of the key it is encrypted under, and the Base64 of the 12-byte nonce
 * followed by the AES-GCM ciphertext and its 16-byte tag.
 */
public record SealedSecret(String keyId, String ciphertext) {

    /** Ciphertexts are long and say nothing readable; the key id is what a log needs. */
    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + "]";
    }
}
