package org.mfaplatform.secretstore.control;

/**
 * A stored secret could not be decrypted: its key is not in the ring, or the ciphertext, its key id
 * or the row it is bound to was changed.
 */
public class SecretUnreadableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretUnreadableException(String message) {
        super(message);
    }

    public SecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
