package org.mfaplatform.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mfaplatform.account.control.PasswordHashing;
import org.mfaplatform.account.entity.Account;

/** The first step of every login: email and password. */
@Stateless
public class PasswordLogin {

    private static final Logger LOG = Logger.getLogger(PasswordLogin.class.getName());

    /** The longest email an account can have (RFC 5321 path limit). */
    private static final int MAX_EMAIL_LENGTH = 254;

    /** Longer passwords only cost hashing time; no person types more. */
    private static final int MAX_PASSWORD_LENGTH = 1024;

    @PersistenceContext EntityManager em;

    @Inject PasswordHashing hashing;

    /**
     * @return the account whose password this is, or empty for an unknown email or a wrong
     *     password, which the caller must not tell apart
     */
    public Optional<Long> verify(String email, char[] password) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        if (!couldBeEmail(email)) {
            // Never sent to the database: PostgreSQL refuses a NUL in text with an error.
            hashing.verifyDecoy(password);
            LOG.fine("Refused a password for text that cannot be an email");
            return Optional.empty();
        }

        Optional<Account> account =
                em.createNamedQuery(Account.FIND_BY_EMAIL, Account.class)
                        .setParameter("email", Account.normalizeEmail(email))
                        .getResultStream()
                        .findFirst();
        if (account.isEmpty()) {
            hashing.verifyDecoy(password);
            LOG.fine("Refused a password for an unknown email");
            return Optional.empty();
        }

        Account found = account.get();
        if (!hashing.verify(password, found.getPasswordHash())) {
            LOG.log(Level.FINE, "Refused a wrong password for account {0}", found.getId());
            return Optional.empty();
        }
        if (hashing.isOutdated(found.getPasswordHash())) {
            // Only now is the password at hand to make a hash with the configured parameters.
            found.setPasswordHash(hashing.hash(password));
            LOG.log(
                    Level.INFO,
                    "Rehashed the password of account {0} with {1}",
                    new Object[] {found.getId(), hashing.configured()});
        }

        return Optional.of(found.getId());
    }

    private static boolean couldBeEmail(String email) {
        return email != null
                && email.length() <= MAX_EMAIL_LENGTH
                && email.chars().noneMatch(Character::isISOControl);
    }
}
