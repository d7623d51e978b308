package org.mfaplatform.administration.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.audit.boundary.AuditTrail;
import org.mfaplatform.audit.entity.AuditEventType;

/** What the admin site records about its own users. */
@Stateless
public class AdminActivity {

    private static final Logger LOG = Logger.getLogger(AdminActivity.class.getName());

    @PersistenceContext EntityManager em;

    @Inject AuditTrail audit;

    public void recordLogin(long accountId, String sourceAddress) {
        Account admin = em.find(Account.class, accountId);
        if (admin == null) {
            return;
        }

        audit.record(AuditEventType.ADMIN_LOGIN, admin, admin, sourceAddress, null);
        LOG.log(Level.INFO, "Account {0} logged in to the admin site", accountId);
    }
}
