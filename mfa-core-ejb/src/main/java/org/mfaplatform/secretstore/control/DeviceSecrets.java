package org.mfaplatform.secretstore.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.config.control.Settings;

/**
 * Encrypts and decrypts the TOTP secrets of devices under the deployment's key ring, each bound to
 * its account. The decrypted secret goes only to the services that check tokens and, while a setup
 * is pending, show the QR code and manual key.
 */
@ApplicationScoped
public class DeviceSecrets {

    private static final Logger LOG = Logger.getLogger(DeviceSecrets.class.getName());

    @Inject Settings settings;

    /**
     * Whether a new secret can be stored at all; logs why not, so that pages can refuse a setup
     * with a plain message before anything is changed or a token is used up.
     */
    public boolean canSeal(long accountId) {
        if (!settings.secretKeyRing().isEmpty()) {
            return true;
        }
        LOG.log(
                Level.SEVERE,
                "Refused a device setup for account {0}: no secret-encryption key is configured"
                        + " (set mfa.secretKeys and mfa.secretKeys.current)",
                accountId);
        return false;
    }

    /**
     * @throws SecretKeyMissingException when no key is configured: setups are refused rather than
     *     stored unprotected or under a key from somewhere else
     */
    public SealedSecret seal(long accountId, byte[] secret) {
        SecretKeyRing ring = settings.secretKeyRing();
        if (ring.isEmpty()) {
            LOG.log(
                    Level.SEVERE,
                    "Refused to store a TOTP secret for account {0}: no secret-encryption key is"
                            + " configured (set mfa.secretKeys and mfa.secretKeys.current)",
                    accountId);
            throw new SecretKeyMissingException("no secret-encryption key is configured");
        }
        return new SecretCipher(ring).seal(secret, SecretCipher.boundToAccount(accountId));
    }

    /**
     * @throws SecretUnreadableException if the secret's key is gone from the ring or the stored
     *     values were changed
     */
    public byte[] open(long accountId, SealedSecret sealed) {
        try {
            return new SecretCipher(settings.secretKeyRing())
                    .open(sealed, SecretCipher.boundToAccount(accountId));
        } catch (SecretUnreadableException e) {
            LOG.log(
                    Level.SEVERE,
                    "Could not decrypt the TOTP secret of account {0}: {1}",
                    new Object[] {accountId, e.getMessage()});
            throw e;
        }
    }
}
