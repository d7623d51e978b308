package org.mfaplatform.administration.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.audit.entity.AuditEvent;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.company.entity.Company;

/**
 * The audit trail as staff read it: a company administrator reads their own company's events,
 * support staff read every company's.
 */
@Stateless
public class AuditLog {

    public static final int PAGE_SIZE = 25;

    @PersistenceContext EntityManager em;

    /**
     * @param type only events of this type, or {@code null} for all
     * @param userEmail only events whose actor or subject has this email, or blank for all
     * @param pageNumber counted from 1; a number past the end gives an empty page
     */
    public AuditPage page(long staffId, AuditEventType type, String userEmail, int pageNumber) {
        Staff staff = Staff.of(em, staffId);
        // Beyond this the first row would not fit an int; no list is that long anyway.
        int page = Math.min(Math.max(1, pageNumber), Integer.MAX_VALUE / PAGE_SIZE);
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        if (!staff.isSupport()) {
            jpql.append(" AND e.companyId = :company");
        }
        if (type != null) {
            jpql.append(" AND e.type = :type");
        }
        boolean byUser = userEmail != null && !userEmail.isBlank();
        if (byUser) {
            jpql.append(" AND (e.subjectEmail = :email OR e.actorEmail = :email)");
        }
        jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");

        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
        if (!staff.isSupport()) {
            query.setParameter("company", staff.companyId());
        }
        if (type != null) {
            query.setParameter("type", type);
        }
        if (byUser) {
            query.setParameter("email", Account.normalizeEmail(userEmail));
        }
        List<AuditEvent> events =
                query.setFirstResult((page - 1) * PAGE_SIZE)
                        .setMaxResults(PAGE_SIZE + 1)
                        .getResultList();

        boolean hasNext = events.size() > PAGE_SIZE;
        List<AuditEvent> shown = hasNext ? events.subList(0, PAGE_SIZE) : events;
        Map<Long, String> companyNames = companyNames(shown);
        return new AuditPage(
                shown.stream()
                        .map(
                                event ->
                                        new AuditRow(
                                                event.getOccurredAt(),
                                                event.getType(),
                                                companyNames.get(event.getCompanyId()),
                                                event.getActorEmail(),
                                                event.getSubjectEmail(),
                                                event.getSourceAddress(),
                                                event.getDetail()))
                        .toList(),
                page,
                hasNext);
    }

    private Map<Long, String> companyNames(List<AuditEvent> events) {
        List<Long> ids =
                events.stream()
                        .map(AuditEvent::getCompanyId)
                        .filter(id -> id != null)
                        .distinct()
                        .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM Company c WHERE c.id IN :ids", Company.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Company::getId, Company::getName));
    }
}
