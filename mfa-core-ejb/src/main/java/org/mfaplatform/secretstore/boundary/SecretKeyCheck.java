package org.mfaplatform.secretstore.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.enrollment.entity.MfaDevice;
import org.mfaplatform.secretstore.control.SecretKeyRing;

/**
 * Says at start, in the log, whether TOTP secrets can be stored and read: no key configured, a
 * rotation not yet run, or secrets under keys that were removed from the ring too early. Reading
 * the settings here also means a malformed key ring stops the application at start instead of at
 * the first setup.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SecretKeyCheck {

    private static final Logger LOG = Logger.getLogger(SecretKeyCheck.class.getName());

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    private volatile boolean secretsUnreadable;

    /**
     * Whether this server can read the TOTP secrets: false without any key, or when the check at
     * start found secrets under keys missing from the ring. Read by the readiness check, so that a
     * load balancer keeps logins away from a node that would refuse every token.
     */
    @Lock(LockType.READ)
    public boolean canReadSecrets() {
        return !settings.secretKeyRing().isEmpty() && !secretsUnreadable;
    }

    /** Outside a transaction, so a database that is down at start fails only this report. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void report() {
        SecretKeyRing ring = settings.secretKeyRing();
        if (ring.isEmpty()) {
            LOG.severe(
                    "No secret-encryption key is configured (mfa.secretKeys,"
                            + " mfa.secretKeys.current): device setup and token checks are refused"
                            + " until one is");
            return;
        }

        Map<String, Long> devicesByKey;
        try {
            devicesByKey = devicesByKeyId();
        } catch (PersistenceException e) {
            // The sites answer 503 until the database is back; that must not need a restart.
            LOG.log(
                    Level.WARNING,
                    "Encrypting new TOTP secrets under key {0}; could not count stored secrets by"
                            + " key: {1}",
                    new Object[] {ring.currentKeyId(), e.getMessage()});
            return;
        }
        long underOtherKeys = 0;
        Map<String, Long> underMissingKeys = new TreeMap<>();
        for (Map.Entry<String, Long> entry : devicesByKey.entrySet()) {
            if (!entry.getKey().equals(ring.currentKeyId())) {
                underOtherKeys += entry.getValue();
            }
            if (ring.key(entry.getKey()).isEmpty()) {
                underMissingKeys.put(entry.getKey(), entry.getValue());
            }
        }

        LOG.log(
                Level.INFO,
                "Encrypting new TOTP secrets under key {0}; {1} stored secrets are under other"
                        + " keys",
                new Object[] {ring.currentKeyId(), underOtherKeys});
        if (!underMissingKeys.isEmpty()) {
            secretsUnreadable = true;
            LOG.log(
                    Level.SEVERE,
                    "Stored TOTP secrets are under keys missing from mfa.secretKeys, so their"
                            + " users cannot pass the token step; secrets per key id: {0}",
                    underMissingKeys);
        }
    }

    private Map<String, Long> devicesByKeyId() {
        Map<String, Long> devicesByKey = new TreeMap<>();
        List<Object[]> rows =
                em.createNamedQuery(MfaDevice.COUNT_BY_SECRET_KEY, Object[].class).getResultList();
        for (Object[] row : rows) {
            devicesByKey.put((String) row[0], ((Number) row[1]).longValue());
        }
        return devicesByKey;
    }
}
