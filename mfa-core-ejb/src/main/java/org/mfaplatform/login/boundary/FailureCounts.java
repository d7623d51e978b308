package org.mfaplatform.login.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.mfaplatform.login.control.ThrottleCount;
import org.mfaplatform.login.control.ThrottleLimits;
import org.mfaplatform.login.entity.FailureCount;

/**
 * The stored wrong-password counts, each change in a transaction of its own so that a count is
 * committed before the login that caused it answers. Every node of a cluster counts in the same
 * rows; a row lock makes concurrent failures of one key count one after the other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FailureCounts {

    @PersistenceContext EntityManager em;

    public List<FailureCount> find(List<String> keys) {
        return em.createNamedQuery(FailureCount.FIND_BY_KEYS, FailureCount.class)
                .setParameter("keys", keys)
                .getResultList();
    }

    /**
     * Counts one failure under the key. Where two nodes insert the first row of a key at the same
     * moment, one of them fails on the primary key and rolls back; the caller tries again, and then
     * finds the row.
     *
     * @return the count after this failure
     */
    public ThrottleCount countFailure(String key, int free, ThrottleLimits limits, Instant now) {
        FailureCount row = em.find(FailureCount.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new FailureCount(key);
            em.persist(row);
        }

        ThrottleCount counted = row.count().afterFailure(now, free, limits);
        row.store(counted, limits.window());
        em.flush();
        return counted;
    }

    public void clear(String key) {
        em.createNamedQuery(FailureCount.DELETE_BY_KEY).setParameter("key", key).executeUpdate();
    }

    /**
     * @return how many forgotten rows were removed
     */
    public int removeForgotten(Instant now) {
        return em.createNamedQuery(FailureCount.DELETE_FORGOTTEN)
                .setParameter("now", now)
                .executeUpdate();
    }
}
