package org.mfaplatform.administration.boundary;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.account.entity.Role;

/**
 * The acting member of staff and the accounts they may act on. A company administrator's company is
 * always the one of their own account, whatever a request says; support staff act on every company.
 */
final class Staff {

    private final Account account;
    private final long companyId;

    private Staff(Account account) {
        this.account = account;
        this.companyId = account.getCompany().getId();
    }

    /**
     * @throws NotStaffException when the account is gone or holds no staff role; the admin site's
     *     login admits only staff, so this means the role was taken away during the session
     */
    static Staff of(EntityManager em, long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null || account.getRole() == Role.USER) {
            throw new NotStaffException(accountId);
        }
        return new Staff(account);
    }

    Account account() {
        return account;
    }

    boolean isSupport() {
        return account.getRole() == Role.SUPPORT;
    }

    long companyId() {
        return companyId;
    }

    /**
     * The account with this id if this member of staff may see it; a company administrator asking
     * for an account of another company gets the same empty answer as for an id that does not
     * exist. Support accounts are the platform's own staff and answer only to support.
     */
    Optional<Account> visibleAccount(EntityManager em, long accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId)).filter(this::mayActOn);
    }

    boolean mayActOn(Account subject) {
        if (isSupport()) {
            return true;
        }
        return subject.getRole() != Role.SUPPORT && subject.getCompany().getId() == companyId;
    }
}
