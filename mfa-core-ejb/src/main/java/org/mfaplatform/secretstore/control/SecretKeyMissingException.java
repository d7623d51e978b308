package org.mfaplatform.secretstore.control;

/** No secret-encryption key is configured, so no secret may be stored or read. */
public class SecretKeyMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SecretKeyMissingException(String message) {
        super(message);
    }
}
