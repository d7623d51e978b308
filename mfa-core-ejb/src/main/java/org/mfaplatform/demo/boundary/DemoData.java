package org.mfaplatform.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
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
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.config.control.Settings;

/**
 * Loads the demo companies and accounts on the embedded default, where someone trying the product
 * needs accounts to log in with. Their passwords are public (see the README), so this runs only
 * when the deployment's settings ask for demo data, and only once per database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** Published in the README; valid only for the embedded demo. */
    public static final String DEMO_PASSWORD = "demo-password";

    public static final String DEMO_COMPANY = "Example Corp";

    public static final String SECOND_DEMO_COMPANY = "Northwind Traders";

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    @Inject PasswordHashing hashing;

    @Inject Clock clock;

    @PostConstruct
    void loadOnce() {
        if (!settings.demoData()) {
            return;
        }
        Instant now = clock.instant();
        loadCompany(
                DEMO_COMPANY,
                MfaPolicy.OPTIONAL,
                now,
                new DemoAccount("admin@example.com", Role.COMPANY_ADMIN),
                new DemoAccount("alice@example.com", Role.USER),
                new DemoAccount("bob@example.com", Role.USER),
                // The platform's own support staff; they always log in with MFA.
                new DemoAccount("support@example.com", Role.SUPPORT));
        loadCompany(
                SECOND_DEMO_COMPANY,
                MfaPolicy.REQUIRED,
                now,
                new DemoAccount("admin@northwind.example", Role.COMPANY_ADMIN),
                new DemoAccount("carol@northwind.example", Role.USER));
    }

    private record DemoAccount(String email, Role role) {}

    /** Adds the company and its accounts unless a company of that name exists already. */
    private void loadCompany(String name, MfaPolicy policy, Instant now, DemoAccount... accounts) {
        boolean loaded =
                !em.createNamedQuery(Company.FIND_BY_NAME, Company.class)
                        .setParameter("name", name)
                        .getResultList()
                        .isEmpty();
        if (loaded) {
            return;
        }
        Company company = new Company(name, now);
        company.setMfaPolicy(policy);
        em.persist(company);
        String hash = hashing.hash(DEMO_PASSWORD.toCharArray());
        for (DemoAccount account : accounts) {
            em.persist(new Account(company, account.email(), hash, account.role(), now));
        }
        LOG.log(Level.INFO, "Loaded the demo company {0}", name);
    }
}
