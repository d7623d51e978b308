package org.mfaplatform.enrollment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Optional;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.secretstore.control.SealedSecret;

/**
 * An authenticator app holding an account's shared secret. An account has at most one active and
 * one pending device, which the unique constraint on account and status enforces: the pending one
 * is a first setup, or the replacement of the active one, which keeps working until the replacement
 * is confirmed.
 */
@Entity
@Table(
        name = "MFA_DEVICE",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "MFA_DEVICE_ONE_PER_STATUS",
                        columnNames = {"ACCOUNT_ID", "STATUS"}))
@NamedQuery(
        name = MfaDevice.FIND_BY_ACCOUNT_AND_STATUS,
        query = "SELECT d FROM MfaDevice d WHERE d.account.id = :accountId AND d.status = :status")
@NamedQuery(
        name = MfaDevice.ACCEPT_STEP,
        query =
                "UPDATE MfaDevice d SET d.lastAcceptedStep = :step"
                        + " WHERE d.id = :id AND d.status = :status"
                        + " AND d.lastAcceptedStep < :step")
@NamedQuery(
        name = MfaDevice.ACCEPT_LOGIN_STEP,
        query =
                "UPDATE MfaDevice d SET d.lastAcceptedStep = :step, d.lastUsedAt = :usedAt"
                        + " WHERE d.id = :id AND d.status = :status"
                        + " AND d.lastAcceptedStep < :step")
@NamedQuery(
        name = MfaDevice.FIND_WITH_ACCOUNT,
        query =
                "SELECT d FROM MfaDevice d JOIN FETCH d.account"
                        + " WHERE d.account.id = :accountId AND d.status = :status")
@NamedQuery(
        name = MfaDevice.DELETE_BY_ACCOUNT,
        query = "DELETE FROM MfaDevice d WHERE d.account.id = :accountId")
@NamedQuery(
        name = MfaDevice.COUNT_BY_SECRET_KEY,
        query = "SELECT d.secretKeyId, COUNT(d) FROM MfaDevice d GROUP BY d.secretKeyId")
public class MfaDevice {

    public static final String FIND_BY_ACCOUNT_AND_STATUS = "MfaDevice.findByAccountAndStatus";

    /**
     * Marks a time step as used only if no later or equal step was used before. Check and update
     * are one statement, so of two requests with the same code exactly one changes a row: the
     * database's row lock orders them and the second finds the condition false. Works for pending
     * devices too, where the confirming code of a setup is used up the same way.
     */
    public static final String ACCEPT_STEP = "MfaDevice.acceptStep";

    /** {@link #ACCEPT_STEP} for a login, noting the device's use in the same statement. */
    public static final String ACCEPT_LOGIN_STEP = "MfaDevice.acceptLoginStep";

    /** The device in a status with its account, in one query. */
    public static final String FIND_WITH_ACCOUNT = "MfaDevice.findWithAccount";

    public static final String DELETE_BY_ACCOUNT = "MfaDevice.deleteByAccount";

    /** Rows per secret-encryption key id, to tell at start whether a rotation is unfinished. */
    public static final String COUNT_BY_SECRET_KEY = "MfaDevice.countBySecretKey";

    /** No time step has been used yet. */
    public static final long NO_STEP_ACCEPTED = -1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ACCOUNT_ID", nullable = false)
    private Account account;

    /**
     * The shared secret, AES-256-GCM encrypted and bound to the account (secretstore.control); the
     * plain key is never in the database. The rotation command reads and writes these two columns
     * by name with plain JDBC.
     */
    @Column(name = "SECRET_CIPHERTEXT", nullable = false, length = 128)
    private String secretCiphertext;

    /** Which key of the ring {@link #secretCiphertext} is under, so keys can be rotated. */
    @Column(name = "SECRET_KEY_ID", nullable = false, length = 64)
    private String secretKeyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeviceStatus status;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "ACTIVATED_AT")
    private Instant activatedAt;

    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    @Column(name = "LAST_ACCEPTED_STEP", nullable = false)
    private long lastAcceptedStep = NO_STEP_ACCEPTED;

    protected MfaDevice() {}

    /**
     * The account's device in this status. Every reader asks for a status, because while a
     * replacement is pending an account has two devices, and only the active one logs in.
     */
    public static Optional<MfaDevice> of(EntityManager em, long accountId, DeviceStatus status) {
        return em.createNamedQuery(FIND_BY_ACCOUNT_AND_STATUS, MfaDevice.class)
                .setParameter("accountId", accountId)
                .setParameter("status", status)
                .getResultStream()
                .findFirst();
    }

    /**
     * {@link #of} with the device's account read in the same query, for a check that needs both:
     * the account's locks and the device's key.
     */
    public static Optional<MfaDevice> withAccount(
            EntityManager em, long accountId, DeviceStatus status) {
        return em.createNamedQuery(FIND_WITH_ACCOUNT, MfaDevice.class)
                .setParameter("accountId", accountId)
                .setParameter("status", status)
                .getResultStream()
                .findFirst();
    }

    public MfaDevice(Account account, SealedSecret secret, Instant createdAt) {
        this.account = account;
        this.secretCiphertext = secret.ciphertext();
        this.secretKeyId = secret.keyId();
        this.status = DeviceStatus.PENDING;
        this.createdAt = createdAt;
    }

    public boolean isActive() {
        return status == DeviceStatus.ACTIVE;
    }

    /** Called only after {@link #ACCEPT_STEP} used up the confirming code for this device. */
    public void activate(Instant now) {
        this.status = DeviceStatus.ACTIVE;
        this.activatedAt = now;
        this.lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public SealedSecret getSealedSecret() {
        return new SealedSecret(secretKeyId, secretCiphertext);
    }

    public DeviceStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public long getLastAcceptedStep() {
        return lastAcceptedStep;
    }
}
