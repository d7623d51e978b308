package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.administration.boundary.MfaStatus;
import org.mfaplatform.administration.boundary.UserDirectory;
import org.mfaplatform.administration.boundary.UserQuery;
import org.mfaplatform.administration.boundary.UserRow;
import org.mfaplatform.audit.entity.AuditEventType;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.enrollment.boundary.DeviceView;
import org.mfaplatform.enrollment.boundary.DisableOutcome;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.ReplacementStart;
import org.mfaplatform.enrollment.boundary.SetupChallenge;
import org.mfaplatform.enrollment.boundary.SetupOutcome;
import org.mfaplatform.enrollment.entity.DeviceStatus;
import org.mfaplatform.login.boundary.LoginGate;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;
import org.mfaplatform.policy.control.LoginStep;

/**
 * Replacing and turning off a device through the EJB boundary: both need the password, checked
 * before the token, and a current token; a replacement leaves the old device the one that logs in
 * until a token from the new app confirms it, and for good if it expires.
 *
 * <p>A token's time step can be used only once per device, so each test sets its first device up
 * with the previous step's token and then uses the current and next steps, in that order.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceReplacementIT {

    private static final String SOURCE = "198.51.100.42";

    private static final char[] PASSWORD = TestAccounts.PASSWORD.toCharArray();

    private static final char[] WRONG_PASSWORD = "not the password".toCharArray();

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.withTests(DeviceReplacementIT.class);
    }

    @EJB TestAccounts accounts;

    @EJB Enrollment enrollment;

    @EJB SecondFactor secondFactor;

    @EJB LoginGate loginGate;

    @EJB UserDirectory userDirectory;

    /** The token of the step {@code offset} steps from now, as the app with this key shows it. */
    /** A token that is none of the three the window accepts now. */
    private String wrongCode(String groupedKey) {
        List<String> valid =
                List.of(
                        Devices.code(groupedKey, -1),
                        Devices.code(groupedKey, 0),
                        Devices.code(groupedKey, 1));
        for (int candidate = 0; ; candidate++) {
            String wrong = String.format("%06d", candidate);
            if (!valid.contains(wrong)) {
                return wrong;
            }
        }
    }

    /** An active device, confirmed with the previous step's token; returns its key. */
    private String activatedDevice(long accountId) {
        SetupChallenge challenge = enrollment.startSetup(accountId);
        String key = challenge.getKeyForManualEntry();
        assertEquals(
                SetupOutcome.ACTIVATED,
                enrollment.confirmSetup(accountId, Devices.code(key, -1), SOURCE),
                "setup confirmed with the previous step's token");
        return key;
    }

    private String startedReplacement(long accountId, String oldKey) {
        ReplacementStart start =
                enrollment.startReplacement(accountId, PASSWORD, Devices.code(oldKey, 0), SOURCE);
        assertEquals(ReplacementStart.Outcome.STARTED, start.outcome());
        return start.challenge().getKeyForManualEntry();
    }

    @Test
    void disableRefusesWrongPasswordBeforeLookingAtTheToken() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        String token = Devices.code(key, 0);

        DisableOutcome wrongPassword = enrollment.disable(accountId, WRONG_PASSWORD, token, SOURCE);
        DisableOutcome noPassword = enrollment.disable(accountId, new char[0], token, SOURCE);

        assertEquals(DisableOutcome.WRONG_PASSWORD, wrongPassword);
        assertEquals(DisableOutcome.WRONG_PASSWORD, noPassword);
        assertEquals(0, accounts.failedTokensOf(accountId), "no wrong token was counted");
        assertEquals(List.of(DeviceStatus.ACTIVE), accounts.deviceStatusesOf(accountId));
        assertEquals(
                DisableOutcome.DISABLED,
                enrollment.disable(accountId, PASSWORD, token, SOURCE),
                "the token was not used up by the refused attempts");
        assertEquals(List.of(), accounts.deviceStatusesOf(accountId));
        assertEquals(1, accounts.auditEventsOf(accountId, AuditEventType.DEVICE_DISABLED));
    }

    @Test
    void disableWithRightPasswordCountsAWrongToken() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);

        DisableOutcome outcome = enrollment.disable(accountId, PASSWORD, wrongCode(key), SOURCE);

        assertEquals(DisableOutcome.WRONG_TOKEN, outcome);
        assertEquals(1, accounts.failedTokensOf(accountId));
        assertEquals(List.of(DeviceStatus.ACTIVE), accounts.deviceStatusesOf(accountId));
    }

    @Test
    void replacementRefusesWrongPasswordWithoutCountingAWrongToken() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);

        ReplacementStart start =
                enrollment.startReplacement(
                        accountId, WRONG_PASSWORD, Devices.code(key, 0), SOURCE);

        assertEquals(ReplacementStart.Outcome.WRONG_PASSWORD, start.outcome());
        assertNull(start.challenge(), "no new key without the password");
        assertEquals(0, accounts.failedTokensOf(accountId), "no wrong token was counted");
        assertEquals(List.of(DeviceStatus.ACTIVE), accounts.deviceStatusesOf(accountId));
        assertFalse(enrollment.view(accountId).isReplacementPending());
    }

    @Test
    void replacementRefusesWrongTokenAndCountsIt() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);

        ReplacementStart start =
                enrollment.startReplacement(accountId, PASSWORD, wrongCode(key), SOURCE);

        assertEquals(ReplacementStart.Outcome.WRONG_TOKEN, start.outcome());
        assertNull(start.challenge(), "no new key without a token from the old device");
        assertEquals(1, accounts.failedTokensOf(accountId));
        assertEquals(List.of(DeviceStatus.ACTIVE), accounts.deviceStatusesOf(accountId));
        assertTrue(enrollment.pendingQrCode(accountId).isEmpty(), "no QR code to show");
    }

    @Test
    void oldDeviceLogsInUntilTheNewOneIsConfirmedThenOnlyTheNewOne() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String oldKey = activatedDevice(accountId);

        String newKey = startedReplacement(accountId, oldKey);
        DeviceView pending = enrollment.view(accountId);
        TokenCheck newBeforeConfirmed =
                secondFactor.verify(accountId, Devices.code(newKey, 1), SOURCE);
        TokenCheck oldBeforeConfirmed =
                secondFactor.verify(accountId, Devices.code(oldKey, 1), SOURCE);
        byte[] qrCode = enrollment.pendingQrCode(accountId).orElse(null);
        List<DeviceStatus> whilePending = accounts.deviceStatusesOf(accountId);

        SetupOutcome confirmed =
                enrollment.confirmSetup(accountId, Devices.code(newKey, -1), SOURCE);
        TokenCheck oldAfterConfirmed =
                secondFactor.verify(accountId, Devices.code(oldKey, 1), SOURCE);
        TokenCheck newAfterConfirmed =
                secondFactor.verify(accountId, Devices.code(newKey, 0), SOURCE);

        assertEquals(DeviceView.State.ACTIVE, pending.getState(), "the old device is active");
        assertTrue(pending.isReplacementPending(), "a replacement waits for its token");
        assertEquals(List.of(DeviceStatus.ACTIVE, DeviceStatus.PENDING), whilePending);
        assertNotNull(qrCode, "the new device's QR code is shown");
        assertEquals(TokenCheck.REJECTED, newBeforeConfirmed, "the new app logs in only later");
        assertEquals(TokenCheck.ACCEPTED, oldBeforeConfirmed, "the old device still logs in");
        assertEquals(SetupOutcome.ACTIVATED, confirmed);
        assertEquals(TokenCheck.REJECTED, oldAfterConfirmed, "the old device is gone");
        assertEquals(TokenCheck.ACCEPTED, newAfterConfirmed, "the new app logs in");
        assertEquals(List.of(DeviceStatus.ACTIVE), accounts.deviceStatusesOf(accountId));
        assertFalse(enrollment.view(accountId).isReplacementPending());
        assertTrue(enrollment.pendingQrCode(accountId).isEmpty(), "no QR code once active");
        assertEquals(1, accounts.auditEventsOf(accountId, AuditEventType.DEVICE_REPLACED));
        assertEquals(
                1,
                accounts.auditEventsOf(accountId, AuditEventType.DEVICE_SET_UP),
                "only the first device counts as set up");
    }

    @Test
    void expiredReplacementLeavesTheOldDevice() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String oldKey = activatedDevice(accountId);
        String newKey = startedReplacement(accountId, oldKey);

        accounts.expirePendingDevice(accountId);
        SetupOutcome late = enrollment.confirmSetup(accountId, Devices.code(newKey, 0), SOURCE);
        DeviceView view = enrollment.view(accountId);

        assertEquals(SetupOutcome.EXPIRED, late, "an expired replacement never activates");
        assertEquals(DeviceView.State.ACTIVE, view.getState());
        assertFalse(view.isReplacementPending(), "an expired replacement is not shown");
        assertTrue(enrollment.pendingQrCode(accountId).isEmpty(), "nor is its QR code");
        assertEquals(
                TokenCheck.ACCEPTED,
                secondFactor.verify(accountId, Devices.code(oldKey, 1), SOURCE),
                "the old device still logs in");
        assertEquals(0, accounts.auditEventsOf(accountId, AuditEventType.DEVICE_REPLACED));
    }

    @Test
    void replacementIsAllowedWhereMfaIsRequiredAndNeverLeavesTheAccountWithoutDevice() {
        long accountId = accounts.newAccount(MfaPolicy.REQUIRED, Role.USER);
        String oldKey = activatedDevice(accountId);
        DeviceView before = enrollment.view(accountId);

        String newKey = startedReplacement(accountId, oldKey);
        LoginStep whilePending = loginGate.evaluate(accountId, null, false).orElseThrow().step();
        SetupOutcome confirmed =
                enrollment.confirmSetup(accountId, Devices.code(newKey, -1), SOURCE);

        assertTrue(before.isMayReplace(), "Replace device is offered");
        assertFalse(before.isMayDisable(), "Disable is not");
        assertEquals(LoginStep.TOKEN_REQUIRED, whilePending, "the old device is asked for");
        assertEquals(SetupOutcome.ACTIVATED, confirmed);
        assertEquals(
                LoginStep.TOKEN_REQUIRED,
                loginGate.evaluate(accountId, null, false).orElseThrow().step());
    }

    @Test
    void replacementIsRefusedWhileTheCompanyHasMfaDisabled() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        accounts.setPolicy(accountId, MfaPolicy.DISABLED);

        ReplacementStart start =
                enrollment.startReplacement(accountId, PASSWORD, Devices.code(key, 0), SOURCE);

        assertEquals(ReplacementStart.Outcome.NOT_ALLOWED, start.outcome());
        assertFalse(enrollment.view(accountId).isMayReplace(), "Replace device is not offered");
        assertEquals(List.of(DeviceStatus.ACTIVE), accounts.deviceStatusesOf(accountId));
    }

    @Test
    void replacementIsRefusedWithoutAnActiveDevice() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        enrollment.startSetup(accountId);

        ReplacementStart start = enrollment.startReplacement(accountId, PASSWORD, "123456", SOURCE);

        assertEquals(ReplacementStart.Outcome.NOT_ALLOWED, start.outcome());
        assertEquals(0, accounts.failedTokensOf(accountId));
    }

    @Test
    void disablingDuringAReplacementRemovesBothDevices() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String oldKey = activatedDevice(accountId);
        String newKey = startedReplacement(accountId, oldKey);

        DisableOutcome outcome =
                enrollment.disable(accountId, PASSWORD, Devices.code(oldKey, 1), SOURCE);

        assertEquals(DisableOutcome.DISABLED, outcome);
        assertEquals(List.of(), accounts.deviceStatusesOf(accountId));
        assertEquals(
                SetupOutcome.EXPIRED,
                enrollment.confirmSetup(accountId, Devices.code(newKey, 0), SOURCE),
                "the replacement went with the device");
    }

    @Test
    void aSecondReplacementDropsTheFirstOnesKey() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String oldKey = activatedDevice(accountId);
        String firstKey = startedReplacement(accountId, oldKey);

        ReplacementStart second =
                enrollment.startReplacement(accountId, PASSWORD, Devices.code(oldKey, 1), SOURCE);
        String secondKey = second.challenge().getKeyForManualEntry();

        assertEquals(
                SetupOutcome.WRONG_TOKEN,
                enrollment.confirmSetup(accountId, Devices.code(firstKey, 0), SOURCE),
                "the first replacement's key no longer counts");
        assertEquals(
                SetupOutcome.ACTIVATED,
                enrollment.confirmSetup(accountId, Devices.code(secondKey, 0), SOURCE));
        assertEquals(List.of(DeviceStatus.ACTIVE), accounts.deviceStatusesOf(accountId));
    }

    @Test
    void administratorsSeeTheUserActiveWhileAReplacementIsPending() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long user = accounts.newColleague(admin, Role.USER);
        String oldKey = activatedDevice(user);
        startedReplacement(user, oldKey);
        String email = accounts.emailOf(user);

        UserRow row = userDirectory.find(admin, user).orElseThrow();
        List<UserRow> active = userDirectory.export(admin, new UserQuery(MfaStatus.ACTIVE, email));
        List<UserRow> pending =
                userDirectory.export(admin, new UserQuery(MfaStatus.PENDING, email));
        List<UserRow> none = userDirectory.export(admin, new UserQuery(MfaStatus.NONE, email));

        assertEquals(MfaStatus.ACTIVE, row.getStatus());
        assertNotNull(row.getActiveSince(), "the old device's dates are shown");
        assertEquals(List.of(user), active.stream().map(UserRow::getId).toList());
        assertEquals(List.of(), pending, "a replacement does not make the user pending");
        assertEquals(List.of(), none);
    }
}
