package org.mfaplatform.it.core;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mfaplatform.account.control.PasswordHashing;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.company.entity.Company;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.enrollment.entity.DeviceStatus;

/** Creates a fresh company and account per test, so no test depends on another's rows. */
@Stateless
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    @PersistenceContext EntityManager em;

    @Inject PasswordHashing hashing;

    @Inject Settings settings;

    /** The server's own implementation, which made the password hashes of earlier versions. */
    @Inject Pbkdf2PasswordHash serverPbkdf2;

    /**
     * @return the id of a new account in a new company with the given policy
     */
    public long newAccount(MfaPolicy policy, Role role) {
        String unique = UUID.randomUUID().toString();
        Company company = new Company("IT company " + unique, Instant.now());
        company.setMfaPolicy(policy);
        em.persist(company);

        Account account =
                new Account(
                        company,
                        "it-" + unique + "@example.test",
                        hashing.hash(PASSWORD.toCharArray()),
                        role,
                        Instant.now());
        em.persist(account);
        em.flush();
        return account.getId();
    }

    /**
     * @return the id of a new account with an optional-MFA company and this stored password hash
     */
    public long newAccountWithHash(String passwordHash) {
        long accountId = newAccount(MfaPolicy.OPTIONAL, Role.USER);
        em.find(Account.class, accountId).setPasswordHash(passwordHash);
        return accountId;
    }

    /**
     * A hash of {@link #PASSWORD} as versions before selectable hashing stored them: by the
     * server's Pbkdf2PasswordHash, with their salt and key sizes.
     */
    public String hashByServerPbkdf2(int iterations) {
        serverPbkdf2.initialize(
                Map.of(
                        "Pbkdf2PasswordHash.Algorithm",
                        "PBKDF2WithHmacSHA256",
                        "Pbkdf2PasswordHash.Iterations",
                        Integer.toString(iterations),
                        "Pbkdf2PasswordHash.SaltSizeBytes",
                        "32",
                        "Pbkdf2PasswordHash.KeySizeBytes",
                        "32"));
        return serverPbkdf2.generate(PASSWORD.toCharArray());
    }

    /** Whether the server's Pbkdf2PasswordHash accepts a hash, as it was initialized last. */
    public boolean serverPbkdf2Verifies(String passwordHash) {
        return serverPbkdf2.verify(PASSWORD.toCharArray(), passwordHash);
    }

    public String passwordHashOf(long accountId) {
        return em.find(Account.class, accountId).getPasswordHash();
    }

    /**
     * @return the id of a new account in the company of {@code colleagueId}
     */
    public long newColleague(long colleagueId, Role role) {
        Company company = em.find(Account.class, colleagueId).getCompany();
        Account account =
                new Account(
                        company,
                        "it-" + UUID.randomUUID() + "@example.test",
                        hashing.hash(PASSWORD.toCharArray()),
                        role,
                        Instant.now());
        em.persist(account);
        em.flush();
        return account.getId();
    }

    public int failedTokensOf(long accountId) {
        return em.find(Account.class, accountId).getFailedTokens();
    }

    /** Sets the count of wrong tokens in a row as if they had come, with no lock holding now. */
    public void setFailedTokens(long accountId, int failures) {
        em.createQuery(
                        "UPDATE Account a SET a.failedTokens = :failures,"
                                + " a.tokenLockedUntil = NULL WHERE a.id = :id")
                .setParameter("failures", failures)
                .setParameter("id", accountId)
                .executeUpdate();
    }

    public Account accountOf(long accountId) {
        Account account = em.find(Account.class, accountId);
        em.refresh(account);
        return account;
    }

    public int sessionGenerationOf(long accountId) {
        return em.find(Account.class, accountId).getSessionGeneration();
    }

    public MfaPolicy policyOf(long accountId) {
        return em.find(Account.class, accountId).getCompany().getMfaPolicy();
    }

    public String emailOf(long accountId) {
        return em.find(Account.class, accountId).getEmail();
    }

    public void setPolicy(long accountId, MfaPolicy policy) {
        em.find(Account.class, accountId).getCompany().setMfaPolicy(policy);
    }

    /** Makes the account's pending device a minute older than a setup may get, as time would. */
    public void expirePendingDevice(long accountId) {
        Instant expired = Instant.now().minus(settings.setupTimeout()).minusSeconds(60);
        int updated =
                em.createNativeQuery(
                                "UPDATE MFA_DEVICE SET CREATED_AT = ?"
                                        + " WHERE ACCOUNT_ID = ? AND STATUS = ?")
                        .setParameter(1, Timestamp.from(expired))
                        .setParameter(2, accountId)
                        .setParameter(3, DeviceStatus.PENDING.name())
                        .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("account " + accountId + " has no pending device");
        }
    }

    /** The account's device rows by status, as stored, whatever the pages show. */
    public List<DeviceStatus> deviceStatusesOf(long accountId) {
        return em.createQuery(
                        "SELECT d.status FROM MfaDevice d WHERE d.account.id = :id"
                                + " ORDER BY d.status",
                        DeviceStatus.class)
                .setParameter("id", accountId)
                .getResultList();
    }

    public long auditEventsOf(long accountId, AuditEventType type) {
        return em.createQuery(
                        "SELECT COUNT(e) FROM AuditEvent e"
                                + " WHERE e.subjectAccountId = :id AND e.type = :type",
                        Long.class)
                .setParameter("id", accountId)
                .setParameter("type", type)
                .getSingleResult();
    }
}
