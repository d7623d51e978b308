package org.mfaplatform.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.control.PasswordHashing;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.company.entity.Company;
import org.mfaplatform.config.control.Settings;

/**
 * Loads the demo companies and accounts on the embedded default, where someone trying the product
 * needs accounts to log in with. Their passwords are public (see the README), so this runs only
 * when the deployment's settings ask for demo data, and only once per database.
 */
@Singleton
@Startup
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** Published in the README; valid only for the embedded demo. */
    public static final String DEMO_PASSWORD = "demo-password";

    public static final String DEMO_COMPANY = "Example Corp";

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    @Inject PasswordHashing hashing;

    @Inject Clock clock;

    @PostConstruct
    void loadOnce() {
        if (!settings.demoData()) {
            return;
        }
        boolean loaded =
                !em.createNamedQuery(Company.FIND_BY_NAME, Company.class)
                        .setParameter("name", DEMO_COMPANY)
                        .getResultList()
                        .isEmpty();
        if (loaded) {
            return;
        }

        Instant now = clock.instant();
        Company example = new Company(DEMO_COMPANY, now);
        em.persist(example);
        String hash = hashing.hash(DEMO_PASSWORD.toCharArray());
        em.persist(new Account(example, "admin@example.com", hash, Role.COMPANY_ADMIN, now));
        em.persist(new Account(example, "alice@example.com", hash, Role.USER, now));
        em.persist(new Account(example, "bob@example.com", hash, Role.USER, now));

        LOG.log(Level.INFO, "Loaded the demo data into company {0}", DEMO_COMPANY);
    }
}
