package org.mfaplatform.account.entity;

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
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.mfaplatform.company.entity.Company;

/**
 * A person who logs in. The email is the login name and is stored in lower case, so that {@code
 * Ann@Example.com} and {@code ann@example.com} are one account.
 */
@Entity
@Table(name = "ACCOUNT")
@NamedQuery(name = Account.FIND_BY_EMAIL, query = "SELECT a FROM Account a WHERE a.email = :email")
@NamedQuery(
        name = Account.FIND_WITH_COMPANY,
        query = "SELECT a FROM Account a JOIN FETCH a.company WHERE a.id = :id")
@NamedQuery(
        name = Account.COUNT_TOKEN_FAILURE,
        query =
                "UPDATE Account a SET a.failedTokens = a.failedTokens + 1 WHERE a.id = :id"
                        + " AND a.lockedAt IS NULL"
                        + " AND (a.tokenLockedUntil IS NULL OR a.tokenLockedUntil <= :now)")
public class Account {

    public static final String FIND_BY_EMAIL = "Account.findByEmail";

    public static final String FIND_WITH_COMPANY = "Account.findWithCompany";

    /**
     * Adds one wrong token in the database itself, so parallel requests cannot lose a count, and
     * only while no lock holds: a failure that arrives as a parallel one locks the token step
     * changes no row and is answered as locked.
     */
    public static final String COUNT_TOKEN_FAILURE = "Account.countTokenFailure";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "COMPANY_ID", nullable = false)
    private Company company;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 300)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    /** Wrong tokens in a row since the last right one; reset by a right token or an MFA reset. */
    @Column(name = "FAILED_TOKENS", nullable = false)
    private int failedTokens;

    /** Until then the token step refuses every code, right or wrong. */
    @Column(name = "TOKEN_LOCKED_UNTIL")
    private Instant tokenLockedUntil;

    /**
     * When wrong tokens locked the whole account. Only staff lift it, by a reset that also gives
     * the account a new password, because whoever guessed had the old one.
     */
    @Column(name = "LOCKED_AT")
    private Instant lockedAt;

    /** Set by staff with a temporary password: the next login must first choose its own. */
    @Column(name = "PASSWORD_CHANGE_REQUIRED", nullable = false)
    private boolean passwordChangeRequired;

    /**
     * Raised whenever every open session of this account must end (an MFA reset); a session that
     * remembers an older value is logged out at its next request.
     */
    @Column(name = "SESSION_GENERATION", nullable = false)
    private int sessionGeneration;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected Account() {}

    /**
     * The account with its company read in the same query, for the check every request makes: the
     * company's policy decides the login's next step.
     */
    public static Optional<Account> withCompany(EntityManager em, long id) {
        return em.createNamedQuery(FIND_WITH_COMPANY, Account.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public Account(Company company, String email, String passwordHash, Role role, Instant now) {
        this.company = company;
        this.email = normalizeEmail(email);
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
    }

    /** The one spelling of an email under which an account is stored and looked up. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isTokenLocked(Instant now) {
        return tokenLockedUntil != null && now.isBefore(tokenLockedUntil);
    }

    public void lockTokenStep(Instant until) {
        this.tokenLockedUntil = until;
    }

    public void clearTokenFailures() {
        this.failedTokens = 0;
        this.tokenLockedUntil = null;
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    /** Locks the account and ends its sessions, the attacker's half-finished ones among them. */
    public void lock(Instant now) {
        this.lockedAt = now;
        this.tokenLockedUntil = null;
        endAllSessions();
    }

    /**
     * Lifts an account lock with a password only staff and the owner know: the owner must replace
     * it at the next login.
     */
    public void unlockWithTemporaryPassword(String temporaryPasswordHash) {
        this.lockedAt = null;
        this.passwordHash = temporaryPasswordHash;
        this.passwordChangeRequired = true;
    }

    /** The owner chose a new password, ending the need for one. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.passwordChangeRequired = false;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    /** Every session that remembers the old generation is logged out at its next request. */
    public void endAllSessions() {
        this.sessionGeneration++;
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public int getFailedTokens() {
        return failedTokens;
    }

    public Instant getTokenLockedUntil() {
        return tokenLockedUntil;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
