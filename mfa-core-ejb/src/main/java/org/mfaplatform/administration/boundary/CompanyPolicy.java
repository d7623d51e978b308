package org.mfaplatform.administration.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.audit.boundary.AuditTrail;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.company.entity.Company;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.enrollment.entity.DeviceStatus;

/**
 * A company administrator's MFA policy for their own company. Nothing here enforces the policy: the
 * login mechanism and the device actions read it on every request, so a saved change reaches
 * sessions already open on their next request.
 */
@Stateless
public class CompanyPolicy {

    private static final Logger LOG = Logger.getLogger(CompanyPolicy.class.getName());

    @PersistenceContext EntityManager em;

    @Inject AuditTrail audit;

    public PolicySettings settings(long adminId) {
        Company company = ownCompany(Staff.of(em, adminId));
        return new PolicySettings(company.getName(), company.getMfaPolicy(), company.getVersion());
    }

    public PolicyPreview preview(long adminId, MfaPolicy proposed) {
        Company company = ownCompany(Staff.of(em, adminId));
        long users =
                em.createQuery(
                                "SELECT COUNT(a) FROM Account a"
                                        + " WHERE a.company.id = :company AND a.role <> :support",
                                Long.class)
                        .setParameter("company", company.getId())
                        .setParameter("support", Role.SUPPORT)
                        .getSingleResult();
        long withDevice =
                em.createQuery(
                                "SELECT COUNT(d) FROM MfaDevice d"
                                        + " WHERE d.account.company.id = :company"
                                        + " AND d.account.role <> :support AND d.status = :active",
                                Long.class)
                        .setParameter("company", company.getId())
                        .setParameter("support", Role.SUPPORT)
                        .setParameter("active", DeviceStatus.ACTIVE)
                        .getSingleResult();
        return new PolicyPreview(company.getMfaPolicy(), proposed, withDevice, users - withDevice);
    }

    /**
     * @param expectedVersion the version the administrator's page showed
     */
    public PolicyChange change(
            long adminId, MfaPolicy proposed, long expectedVersion, String sourceAddress) {
        Staff admin = Staff.of(em, adminId);
        if (admin.isSupport()) {
            return PolicyChange.NOT_ALLOWED;
        }
        Company company = ownCompany(admin);
        if (company.getVersion() != expectedVersion) {
            return PolicyChange.CHANGED_MEANWHILE;
        }
        MfaPolicy previous = company.getMfaPolicy();
        if (previous == proposed) {
            return PolicyChange.UNCHANGED;
        }

        company.setMfaPolicy(proposed);
        audit.record(
                AuditEventType.POLICY_CHANGED,
                admin.account(),
                null,
                sourceAddress,
                previous.name() + " -> " + proposed.name());
        LOG.log(
                Level.INFO,
                "Account {0} changed the MFA policy of company {1} from {2} to {3}",
                new Object[] {adminId, company.getId(), previous, proposed});
        return PolicyChange.SAVED;
    }

    /** Never a company named by the request: an administrator acts on their own company only. */
    private static Company ownCompany(Staff admin) {
        return admin.account().getCompany();
    }
}
