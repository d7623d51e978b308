package org.mfaplatform.login.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.mfaplatform.login.control.ThrottleCount;

/**
 * The wrong passwords counted under one throttle key (an email and address together, or an address
 * alone), stored as a digest of the key. A row whose failures are forgotten is removed by a
 * periodic sweep; until then it reads as no failures at all.
 */
@Entity
@Table(name = "PASSWORD_THROTTLE")
@NamedQuery(
        name = FailureCount.FIND_BY_KEYS,
        query = "SELECT f FROM FailureCount f WHERE f.throttleKey IN :keys")
@NamedQuery(
        name = FailureCount.DELETE_FORGOTTEN,
        query = "DELETE FROM FailureCount f WHERE f.forgetAfter <= :now")
@NamedQuery(
        name = FailureCount.DELETE_BY_KEY,
        query = "DELETE FROM FailureCount f WHERE f.throttleKey = :key")
public class FailureCount {

    public static final String FIND_BY_KEYS = "FailureCount.findByKeys";

    public static final String DELETE_FORGOTTEN = "FailureCount.deleteForgotten";

    public static final String DELETE_BY_KEY = "FailureCount.deleteByKey";

    @Id
    @Column(name = "THROTTLE_KEY", length = 64)
    private String throttleKey;

    @Column(nullable = false)
    private int failures;

    @Column(name = "LAST_FAILURE_AT", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "BLOCKED_UNTIL")
    private Instant blockedUntil;

    @Column(name = "FORGET_AFTER", nullable = false)
    private Instant forgetAfter;

    protected FailureCount() {}

    public FailureCount(String throttleKey) {
        this.throttleKey = throttleKey;
    }

    public String getThrottleKey() {
        return throttleKey;
    }

    public ThrottleCount count() {
        return new ThrottleCount(failures, lastFailureAt, blockedUntil);
    }

    public void store(ThrottleCount count, Duration window) {
        failures = count.failures();
        lastFailureAt = count.lastFailure();
        blockedUntil = count.blockedUntil();
        forgetAfter = count.forgetAfter(window);
    }
}
