package org.mfaplatform.administration.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.config.control.Settings;
import org.mfaplatform.enrollment.entity.DeviceStatus;
import org.mfaplatform.enrollment.entity.MfaDevice;

/**
 * The users a member of staff may see, with their MFA status: a company administrator sees the
 * users of their own company, support staff see everyone.
 */
@Stateless
public class UserDirectory {

    public static final int PAGE_SIZE = 50;

    /** Rows fetched per round trip while exporting, so a big company is not one huge query. */
    private static final int EXPORT_BATCH = 500;

    @PersistenceContext EntityManager em;

    @Inject Settings settings;

    @Inject Clock clock;

    /**
     * @param pageNumber counted from 1; a number past the end gives an empty page
     */
    public UserPage page(long staffId, UserQuery query, int pageNumber) {
        Staff staff = Staff.of(em, staffId);
        // Beyond this the first row would not fit an int; no list is that long anyway.
        int page = Math.min(Math.max(1, pageNumber), Integer.MAX_VALUE / PAGE_SIZE);
        List<Account> accounts =
                accounts(staff, query)
                        .setFirstResult((page - 1) * PAGE_SIZE)
                        .setMaxResults(PAGE_SIZE + 1)
                        .getResultList();
        boolean hasNext = accounts.size() > PAGE_SIZE;
        List<Account> shown = hasNext ? accounts.subList(0, PAGE_SIZE) : accounts;
        return new UserPage(rows(shown), page, hasNext);
    }

    /** Every user the query matches, in the order of the list, for the CSV export. */
    public List<UserRow> export(long staffId, UserQuery query) {
        Staff staff = Staff.of(em, staffId);
        List<UserRow> rows = new ArrayList<>();
        for (int first = 0; ; first += EXPORT_BATCH) {
            List<Account> batch =
                    accounts(staff, query)
                            .setFirstResult(first)
                            .setMaxResults(EXPORT_BATCH)
                            .getResultList();
            rows.addAll(rows(batch));
            em.clear();
            if (batch.size() < EXPORT_BATCH) {
                return rows;
            }
        }
    }

    /** The user with this id, empty alike when there is none and when it is not this staff's. */
    public Optional<UserRow> find(long staffId, long userId) {
        Staff staff = Staff.of(em, staffId);
        return staff.visibleAccount(em, userId).map(account -> rows(List.of(account)).get(0));
    }

    private TypedQuery<Account> accounts(Staff staff, UserQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM Account a WHERE 1 = 1");
        if (!staff.isSupport()) {
            jpql.append(" AND a.company.id = :company AND a.role <> :support");
        }
        if (query.hasEmailFilter()) {
            jpql.append(" AND a.email LIKE :email ESCAPE '\\'");
        }
        Instant pendingSince = clock.instant().minus(settings.setupTimeout());
        String active = "SELECT d FROM MfaDevice d WHERE d.account = a AND d.status = :active";
        String pending =
                "SELECT d FROM MfaDevice d WHERE d.account = a AND d.status = :pending"
                        + " AND d.createdAt > :pendingSince";
        if (query.status() != null) {
            switch (query.status()) {
                case ACTIVE -> jpql.append(" AND EXISTS (").append(active).append(")");
                // A replacement pending beside an active device leaves the user ACTIVE.
                case PENDING ->
                        jpql.append(" AND EXISTS (")
                                .append(pending)
                                .append(") AND NOT EXISTS (")
                                .append(active)
                                .append(")");
                case NONE ->
                        jpql.append(" AND NOT EXISTS (")
                                .append(active)
                                .append(") AND NOT EXISTS (")
                                .append(pending)
                                .append(")");
            }
        }
        jpql.append(" ORDER BY a.email");

        TypedQuery<Account> typed = em.createQuery(jpql.toString(), Account.class);
        if (!staff.isSupport()) {
            typed.setParameter("company", staff.companyId()).setParameter("support", Role.SUPPORT);
        }
        if (query.hasEmailFilter()) {
            typed.setParameter("email", "%" + likeEscaped(query.emailContains()) + "%");
        }
        if (query.status() != null) {
            typed.setParameter("active", DeviceStatus.ACTIVE);
        }
        if (query.status() == MfaStatus.PENDING || query.status() == MfaStatus.NONE) {
            typed.setParameter("pending", DeviceStatus.PENDING)
                    .setParameter("pendingSince", pendingSince);
        }
        return typed;
    }

    private List<UserRow> rows(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        Map<Long, MfaDevice> devices =
                em.createQuery(
                                "SELECT d FROM MfaDevice d WHERE d.account.id IN :ids",
                                MfaDevice.class)
                        .setParameter("ids", accounts.stream().map(Account::getId).toList())
                        .getResultStream()
                        .collect(
                                Collectors.toMap(
                                        device -> device.getAccount().getId(),
                                        Function.identity(),
                                        // Beside a pending replacement, the active device counts.
                                        (one, other) -> one.isActive() ? one : other));
        Instant now = clock.instant();
        return accounts.stream()
                .map(
                        account ->
                                row(
                                        account,
                                        Optional.ofNullable(devices.get(account.getId())),
                                        now))
                .toList();
    }

    private UserRow row(Account account, Optional<MfaDevice> device, Instant now) {
        MfaStatus status = MfaStatus.NONE;
        if (device.filter(MfaDevice::isActive).isPresent()) {
            status = MfaStatus.ACTIVE;
        } else if (device.filter(pending -> isUnexpired(pending, now)).isPresent()) {
            status = MfaStatus.PENDING;
        }
        boolean active = status == MfaStatus.ACTIVE;
        return new UserRow(
                account.getId(),
                account.getEmail(),
                account.getRole(),
                account.getCompany().getName(),
                status,
                active ? device.get().getActivatedAt() : null,
                active ? device.get().getLastUsedAt() : null,
                account.getFailedTokens(),
                account.isTokenLocked(now) ? account.getTokenLockedUntil() : null,
                account.getLockedAt());
    }

    private boolean isUnexpired(MfaDevice pending, Instant now) {
        return pending.getStatus() == DeviceStatus.PENDING
                && now.isBefore(pending.getCreatedAt().plus(settings.setupTimeout()));
    }

    /** Emails are stored in lower case; the search text is matched literally, wildcards too. */
    private static String likeEscaped(String text) {
        return text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }
}
