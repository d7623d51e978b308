package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.administration.boundary.AuditLog;
import org.mfaplatform.administration.boundary.AuditRow;
import org.mfaplatform.administration.boundary.CompanyPolicy;
import org.mfaplatform.administration.boundary.MfaReset;
import org.mfaplatform.administration.boundary.MfaStatus;
import org.mfaplatform.administration.boundary.PolicyChange;
import org.mfaplatform.administration.boundary.PolicyPreview;
import org.mfaplatform.administration.boundary.ResetOutcome;
import org.mfaplatform.administration.boundary.UserDirectory;
import org.mfaplatform.administration.boundary.UserQuery;
import org.mfaplatform.administration.boundary.UserRow;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.enrollment.boundary.DisableOutcome;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.SetupNotAllowedException;
import org.mfaplatform.login.boundary.Access;
import org.mfaplatform.login.boundary.LoginGate;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;
import org.mfaplatform.policy.control.LoginStep;

/**
 * The company policy as the server enforces it, policy changes reaching sessions already open, the
 * MFA reset, the audit trail, and the wall between companies, through the EJB boundary on the real
 * server and database.
 */
@ExtendWith(ArquillianExtension.class)
class PolicyAndAdministrationIT {

    private static final String SOURCE = "198.51.100.7";
    private static final char[] PASSWORD = TestAccounts.PASSWORD.toCharArray();
    private static final long NO_SUCH_ACCOUNT = Long.MAX_VALUE;

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.withTests(PolicyAndAdministrationIT.class);
    }

    @EJB TestAccounts accounts;

    @EJB Enrollment enrollment;

    @EJB LoginGate loginGate;

    @EJB SecondFactor secondFactor;

    @EJB CompanyPolicy companyPolicy;

    @EJB UserDirectory directory;

    @EJB MfaReset mfaReset;

    @EJB AuditLog auditLog;

    /** What the login mechanism asks right after the password. */
    private LoginStep afterPassword(long accountId) {
        return loginGate.evaluate(accountId, null, false).orElseThrow().step();
    }

    /** What the login mechanism asks on the next request of a session opened earlier. */
    private Optional<LoginStep> onNextRequest(Access openedWith, boolean tokenVerified) {
        return loginGate
                .evaluate(openedWith.accountId(), openedWith.sessionGeneration(), tokenVerified)
                .map(Access::step);
    }

    private void setPolicy(long adminId, MfaPolicy policy) {
        long version = companyPolicy.settings(adminId).getVersion();
        PolicyChange change = companyPolicy.change(adminId, policy, version, SOURCE);
        assertTrue(change == PolicyChange.SAVED || change == PolicyChange.UNCHANGED, change::name);
    }

    // --- The three settings, enforced on the server -------------------------------------------

    private String activatedDevice(long accountId) {
        return Devices.activate(enrollment, accountId, SOURCE).getKeyForManualEntry();
    }

    @Test
    void disabledMeansNoTokenStepNoSetupAndDormantDevices() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long withDevice = accounts.newColleague(admin, Role.USER);
        long withoutDevice = accounts.newColleague(admin, Role.USER);
        activatedDevice(withDevice);

        setPolicy(admin, MfaPolicy.DISABLED);

        assertEquals(LoginStep.GRANTED, afterPassword(withDevice), "no token step");
        assertEquals(LoginStep.GRANTED, afterPassword(withoutDevice));
        assertFalse(enrollment.view(withoutDevice).isMaySetUp(), "Setup is not offered");
        assertThrows(
                SetupNotAllowedException.class,
                () -> enrollment.startSetup(withoutDevice),
                "Setup is refused when called anyway");

        setPolicy(admin, MfaPolicy.OPTIONAL);
        assertEquals(
                LoginStep.TOKEN_REQUIRED,
                afterPassword(withDevice),
                "the device was kept and is used again");
    }

    @Test
    void optionalMeansTokenStepOnlyForUsersWithDeviceWhoMayTurnItOff() {
        long user = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        assertEquals(LoginStep.GRANTED, afterPassword(user), "no device, password alone");
        assertTrue(enrollment.view(user).isMaySetUp());

        String key = activatedDevice(user);
        assertEquals(LoginStep.TOKEN_REQUIRED, afterPassword(user));
        assertTrue(enrollment.view(user).isMayDisable());
        assertEquals(
                DisableOutcome.DISABLED,
                enrollment.disable(user, PASSWORD, Devices.code(key, 1), SOURCE));
        assertEquals(LoginStep.GRANTED, afterPassword(user));
    }

    @Test
    void requiredMeansSetupFirstAndDevicesCannotBeTurnedOff() {
        long user = accounts.newAccount(MfaPolicy.REQUIRED, Role.USER);
        assertEquals(LoginStep.SETUP_REQUIRED, afterPassword(user));

        String key = activatedDevice(user);
        assertEquals(LoginStep.TOKEN_REQUIRED, afterPassword(user));
        assertFalse(enrollment.view(user).isMayDisable(), "Disable is not offered");
        assertEquals(
                DisableOutcome.NOT_ALLOWED,
                enrollment.disable(user, PASSWORD, Devices.code(key, 1), SOURCE),
                "Disable is refused when called anyway");
        assertEquals(LoginStep.TOKEN_REQUIRED, afterPassword(user), "the device is still there");
    }

    @Test
    void supportStaffAlwaysNeedMfaWhateverTheirCompanySays() {
        long support = accounts.newAccount(MfaPolicy.DISABLED, Role.SUPPORT);
        assertEquals(LoginStep.SETUP_REQUIRED, afterPassword(support));
    }

    @Test
    void policyChangeReachesSessionsAlreadyOpen() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long user = accounts.newColleague(admin, Role.USER);
        Access session = loginGate.evaluate(user, null, false).orElseThrow();
        assertEquals(LoginStep.GRANTED, session.step(), "logged in with the password alone");

        setPolicy(admin, MfaPolicy.REQUIRED);
        assertEquals(
                Optional.of(LoginStep.SETUP_REQUIRED),
                onNextRequest(session, false),
                "the open session is sent to setup on its next request");

        activatedDevice(user);
        setPolicy(admin, MfaPolicy.DISABLED);
        Access withoutToken = loginGate.evaluate(user, null, false).orElseThrow();
        assertEquals(LoginStep.GRANTED, withoutToken.step());

        setPolicy(admin, MfaPolicy.OPTIONAL);
        assertEquals(
                Optional.of(LoginStep.TOKEN_REQUIRED),
                onNextRequest(withoutToken, false),
                "a session that never gave a token is asked for one once MFA is back");
        assertEquals(
                Optional.of(LoginStep.GRANTED),
                onNextRequest(withoutToken, true),
                "a session that gave its token goes on");
    }

    // --- Policy settings: preview, saving, recording ------------------------------------------

    @Test
    void previewCountsUsersOfTheCompanyFromTheDatabase() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long withDevice = accounts.newColleague(admin, Role.USER);
        accounts.newColleague(admin, Role.USER);
        accounts.newColleague(admin, Role.USER);
        accounts.newColleague(admin, Role.SUPPORT);
        activatedDevice(withDevice);

        PolicyPreview toRequired = companyPolicy.preview(admin, MfaPolicy.REQUIRED);
        assertEquals(1, toRequired.getUsersWithDevice());
        assertEquals(
                3,
                toRequired.getMustSetUp(),
                "two users and the admin have no device; support not counted");

        PolicyPreview toDisabled = companyPolicy.preview(admin, MfaPolicy.DISABLED);
        assertEquals(1, toDisabled.getNoLongerAskedForToken());
        assertEquals(0, toDisabled.getMustSetUp());
        assertEquals(MfaPolicy.OPTIONAL, accounts.policyOf(admin), "a preview changes nothing");
    }

    @Test
    void savingRecordsWhoChangedWhatFromWhichValueToWhich() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long version = companyPolicy.settings(admin).getVersion();

        assertEquals(
                PolicyChange.SAVED,
                companyPolicy.change(admin, MfaPolicy.REQUIRED, version, SOURCE));

        AuditRow event =
                auditLog.page(admin, AuditEventType.POLICY_CHANGED, null, 1).getRows().get(0);
        assertEquals(accounts.emailOf(admin), event.getActorEmail());
        assertEquals("OPTIONAL -> REQUIRED", event.getDetail());
        assertEquals(SOURCE, event.getSourceAddress());
        assertEquals(MfaPolicy.REQUIRED, accounts.policyOf(admin));
    }

    @Test
    void changeBasedOnAnOutdatedPageIsNotSaved() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long colleague = accounts.newColleague(admin, Role.COMPANY_ADMIN);
        long seenVersion = companyPolicy.settings(admin).getVersion();
        setPolicy(colleague, MfaPolicy.REQUIRED);

        assertEquals(
                PolicyChange.CHANGED_MEANWHILE,
                companyPolicy.change(admin, MfaPolicy.DISABLED, seenVersion, SOURCE));
        assertEquals(MfaPolicy.REQUIRED, accounts.policyOf(admin));
    }

    @Test
    void supportStaffDoNotSetCompanyPolicies() {
        long support = accounts.newAccount(MfaPolicy.OPTIONAL, Role.SUPPORT);
        long version = companyPolicy.settings(support).getVersion();
        assertEquals(
                PolicyChange.NOT_ALLOWED,
                companyPolicy.change(support, MfaPolicy.DISABLED, version, SOURCE));
    }

    // --- Reset of a lost device ----------------------------------------------------------------

    @Test
    void resetRemovesDeviceAndCountersEndsSessionsAndIsRecorded() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long user = accounts.newColleague(admin, Role.USER);
        String key = activatedDevice(user);
        Access session = loginGate.evaluate(user, null, false).orElseThrow();
        String wrong = Devices.code(key, 1).equals("000000") ? "111111" : "000000";
        assertEquals(TokenCheck.REJECTED, secondFactor.verify(user, wrong, SOURCE));
        assertEquals(1, accounts.failedTokensOf(user));

        assertEquals(
                ResetOutcome.RESET,
                mfaReset.reset(
                                admin,
                                user,
                                "lost phone, identity checked by call-back",
                                null,
                                SOURCE)
                        .outcome());

        assertEquals(Optional.empty(), onNextRequest(session, true), "open sessions end");
        assertEquals(0, accounts.failedTokensOf(user));
        assertEquals(MfaStatus.NONE, directory.find(admin, user).orElseThrow().getStatus());
        assertEquals(LoginStep.GRANTED, afterPassword(user), "optional: the password alone");
        setPolicy(admin, MfaPolicy.REQUIRED);
        assertEquals(LoginStep.SETUP_REQUIRED, afterPassword(user), "required: a new setup");

        AuditRow event = auditLog.page(admin, AuditEventType.MFA_RESET, null, 1).getRows().get(0);
        assertEquals(accounts.emailOf(admin), event.getActorEmail());
        assertEquals(accounts.emailOf(user), event.getSubjectEmail());
        assertEquals("reason: lost phone, identity checked by call-back", event.getDetail());
    }

    @Test
    void resetNeedsReasonAndSupportStaffAlsoATicket() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long user = accounts.newColleague(admin, Role.USER);
        long support = accounts.newAccount(MfaPolicy.OPTIONAL, Role.SUPPORT);
        activatedDevice(user);

        assertEquals(
                ResetOutcome.REASON_REQUIRED,
                mfaReset.reset(admin, user, "  ", null, SOURCE).outcome());
        assertEquals(
                ResetOutcome.TICKET_REQUIRED,
                mfaReset.reset(support, user, "lost phone", " ", SOURCE).outcome());
        assertEquals(MfaStatus.ACTIVE, directory.find(admin, user).orElseThrow().getStatus());

        assertEquals(
                ResetOutcome.RESET,
                mfaReset.reset(support, user, "lost phone", "SUP-1234", SOURCE).outcome());
        AuditRow event =
                auditLog.page(support, AuditEventType.MFA_RESET, accounts.emailOf(user), 1)
                        .getRows()
                        .get(0);
        assertEquals("reason: lost phone; ticket: SUP-1234", event.getDetail());
    }

    @Test
    void nobodyResetsTheirOwnMfa() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        activatedDevice(admin);
        assertEquals(
                ResetOutcome.OWN_ACCOUNT,
                mfaReset.reset(admin, admin, "lost it", null, SOURCE).outcome());
        assertEquals(MfaStatus.ACTIVE, directory.find(admin, admin).orElseThrow().getStatus());
    }

    // --- Users list ------------------------------------------------------------------------------

    @Test
    void usersListShowsStatusAndFiltersByIt() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long active = accounts.newColleague(admin, Role.USER);
        long pending = accounts.newColleague(admin, Role.USER);
        activatedDevice(active);
        enrollment.startSetup(pending);

        assertEquals(
                List.of(active),
                ids(directory.page(admin, new UserQuery(MfaStatus.ACTIVE, null), 1).getRows()));
        assertEquals(
                List.of(pending),
                ids(directory.page(admin, new UserQuery(MfaStatus.PENDING, null), 1).getRows()));
        assertEquals(
                List.of(admin),
                ids(directory.page(admin, new UserQuery(MfaStatus.NONE, null), 1).getRows()));
        assertEquals(3, directory.export(admin, UserQuery.ALL).size());

        UserRow row = directory.find(admin, active).orElseThrow();
        assertTrue(row.getActiveSince() != null && row.getLastUsed() != null);
        String part = accounts.emailOf(pending).substring(3, 15);
        assertEquals(
                List.of(pending),
                ids(directory.page(admin, new UserQuery(null, part), 1).getRows()));
    }

    // --- The wall between companies --------------------------------------------------------------

    @Test
    void adminOfOneCompanyGetsNotFoundForUsersOfAnother() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long otherAdmin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long otherUser = accounts.newColleague(otherAdmin, Role.USER);
        String otherKey = activatedDevice(otherUser);
        String wrong = Devices.code(otherKey, 1).equals("000000") ? "111111" : "000000";
        secondFactor.verify(otherUser, wrong, SOURCE);
        String otherEmail = accounts.emailOf(otherUser);

        for (long id : new long[] {otherUser, otherAdmin, NO_SUCH_ACCOUNT}) {
            assertEquals(Optional.empty(), directory.find(admin, id), "find " + id);
            assertEquals(
                    ResetOutcome.NOT_FOUND,
                    mfaReset.reset(admin, id, "lost phone", "T-1", SOURCE).outcome(),
                    "reset " + id);
        }
        assertEquals(
                MfaStatus.ACTIVE,
                directory.find(otherAdmin, otherUser).orElseThrow().getStatus(),
                "untouched");

        assertFalse(ids(directory.export(admin, UserQuery.ALL)).contains(otherUser));
        assertTrue(directory.page(admin, new UserQuery(null, otherEmail), 1).getRows().isEmpty());
        assertTrue(auditLog.page(admin, null, otherEmail, 1).getRows().isEmpty());
        assertTrue(
                auditLog.page(admin, null, null, 1).getRows().stream()
                        .noneMatch(event -> otherEmail.equals(event.getSubjectEmail())),
                "no events of the other company");
        assertEquals(
                PolicyChange.SAVED,
                companyPolicy.change(
                        admin,
                        MfaPolicy.REQUIRED,
                        companyPolicy.settings(admin).getVersion(),
                        SOURCE));
        assertEquals(MfaPolicy.OPTIONAL, accounts.policyOf(otherUser), "own company only");
    }

    @Test
    void supportStaffActOnEveryCompanyButCompanyAdminsNeverSeeSupport() {
        long support = accounts.newAccount(MfaPolicy.OPTIONAL, Role.SUPPORT);
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long supportColleague = accounts.newColleague(admin, Role.SUPPORT);

        assertTrue(directory.find(support, admin).isPresent());
        assertEquals(Optional.empty(), directory.find(admin, supportColleague));
        assertFalse(ids(directory.export(admin, UserQuery.ALL)).contains(supportColleague));
        setPolicy(admin, MfaPolicy.REQUIRED);
        List<AuditRow> seenBySupport =
                auditLog.page(support, AuditEventType.POLICY_CHANGED, accounts.emailOf(admin), 1)
                        .getRows();
        assertEquals(1, seenBySupport.size(), "support reads every company's trail");
        assertTrue(seenBySupport.get(0).getCompanyName().startsWith("IT company "));
    }

    private static List<Long> ids(List<UserRow> rows) {
        return rows.stream().map(UserRow::getId).toList();
    }
}
