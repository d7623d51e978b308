package org.mfaplatform.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.audit.entity.AuditEvent;
import org.mfaplatform.audit.entity.AuditEventType;

/**
 * Writes audit events in the caller's transaction, so an act and its record commit or roll back
 * together.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext EntityManager em;

    @Inject Clock clock;

    /** Records an act by {@code actor} on {@code subject}; either may be the same account. */
    public void record(
            AuditEventType type,
            Account actor,
            Account subject,
            String sourceAddress,
            String detail) {
        Account companyHolder = subject != null ? subject : actor;
        em.persist(
                new AuditEvent(
                        clock.instant(),
                        type,
                        companyHolder == null ? null : companyHolder.getCompany().getId(),
                        actor == null ? null : actor.getId(),
                        actor == null ? null : actor.getEmail(),
                        subject == null ? null : subject.getId(),
                        subject == null ? null : subject.getEmail(),
                        sourceAddress,
                        detail));
    }
}
