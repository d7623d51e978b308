package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.account.boundary.PasswordLogin;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.enrollment.boundary.DeviceView;
import org.mfaplatform.enrollment.boundary.DisableOutcome;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.enrollment.boundary.SetupChallenge;
import org.mfaplatform.enrollment.boundary.SetupNotAllowedException;
import org.mfaplatform.enrollment.boundary.SetupOutcome;
import org.mfaplatform.login.boundary.Access;
import org.mfaplatform.login.boundary.LoginGate;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;
import org.mfaplatform.policy.control.LoginStep;

/**
 * Enrollment and both login steps through the EJB boundary, on the real server and database. Codes
 * come from the generator the unit tests check against RFC 6238; the browser tests use oathtool
 * instead.
 */
@ExtendWith(ArquillianExtension.class)
class EnrollmentAndLoginIT {

    private static final String SOURCE = "192.0.2.10";

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.withTests(EnrollmentAndLoginIT.class);
    }

    @EJB TestAccounts accounts;

    @EJB Enrollment enrollment;

    @EJB PasswordLogin passwordLogin;

    @EJB LoginGate loginGate;

    @EJB SecondFactor secondFactor;

    /** The code of the step {@code offset} steps from now. */
    private SetupChallenge activatedDevice(long accountId) {
        return Devices.activate(enrollment, accountId, SOURCE);
    }

    @Test
    void setupStaysPendingUntilConfirmedWithValidToken() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);

        SetupChallenge challenge = enrollment.startSetup(accountId);

        assertEquals(DeviceView.State.PENDING, enrollment.view(accountId).getState());
        assertEquals(
                LoginStep.GRANTED,
                loginGate.evaluate(accountId, null, false).orElseThrow().step(),
                "a pending device is never asked for");
        assertEquals(
                SetupOutcome.WRONG_TOKEN,
                enrollment.confirmSetup(accountId, "12345", SOURCE),
                "malformed token");
        assertEquals(
                SetupOutcome.ACTIVATED,
                enrollment.confirmSetup(
                        accountId, Devices.code(challenge.getKeyForManualEntry(), 0), SOURCE));
        assertEquals(DeviceView.State.ACTIVE, enrollment.view(accountId).getState());
    }

    @Test
    void newSetupReplacesPendingOne() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge first = enrollment.startSetup(accountId);

        SetupChallenge second = enrollment.startSetup(accountId);

        assertEquals(
                SetupOutcome.WRONG_TOKEN,
                enrollment.confirmSetup(
                        accountId, Devices.code(first.getKeyForManualEntry(), 0), SOURCE),
                "the replaced key no longer counts");
        assertEquals(
                SetupOutcome.ACTIVATED,
                enrollment.confirmSetup(
                        accountId, Devices.code(second.getKeyForManualEntry(), 0), SOURCE));
    }

    @Test
    void codeThatConfirmedSetupCannotLogIn() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge challenge = enrollment.startSetup(accountId);
        String setupCode = Devices.code(challenge.getKeyForManualEntry(), 0);
        enrollment.confirmSetup(accountId, setupCode, SOURCE);

        TokenCheck check = secondFactor.verify(accountId, setupCode, SOURCE);

        assertEquals(TokenCheck.REJECTED, check, "the setup code is used up");
    }

    @Test
    void loginNeedsPasswordThenFreshToken() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge challenge = activatedDevice(accountId);
        String email = accounts.emailOf(accountId);

        long loggedIn =
                passwordLogin.verify(email, TestAccounts.PASSWORD.toCharArray()).orElseThrow();
        Access afterPassword = loginGate.evaluate(loggedIn, null, false).orElseThrow();
        TokenCheck check =
                secondFactor.verify(
                        loggedIn, Devices.code(challenge.getKeyForManualEntry(), 1), SOURCE);
        Access afterToken =
                loginGate.evaluate(loggedIn, afterPassword.sessionGeneration(), true).orElseThrow();

        assertEquals(accountId, loggedIn);
        assertEquals(LoginStep.TOKEN_REQUIRED, afterPassword.step());
        assertEquals(TokenCheck.ACCEPTED, check, "the next step's code is inside the window");
        assertEquals(LoginStep.GRANTED, afterToken.step());
    }

    @Test
    void wrongPasswordAndUnknownEmailAreRefusedAlike() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String email = accounts.emailOf(accountId);

        assertTrue(passwordLogin.verify(email, "wrong".toCharArray()).isEmpty(), "wrong password");
        assertTrue(
                passwordLogin.verify("nobody@example.test", "wrong".toCharArray()).isEmpty(),
                "unknown email");
        assertTrue(
                passwordLogin
                        .verify(email.toUpperCase(), TestAccounts.PASSWORD.toCharArray())
                        .isPresent(),
                "email case does not matter");
    }

    @Test
    void twoParallelSubmissionsOfOneCodeSucceedOnce() throws Exception {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge challenge = activatedDevice(accountId);
        String code = Devices.code(challenge.getKeyForManualEntry(), 1);
        CyclicBarrier start = new CyclicBarrier(2);
        ManagedExecutorService executor =
                InitialContext.doLookup("java:comp/DefaultManagedExecutorService");

        List<Future<TokenCheck>> submissions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            submissions.add(
                    executor.submit(
                            () -> {
                                start.await(10, TimeUnit.SECONDS);
                                return secondFactor.verify(accountId, code, SOURCE);
                            }));
        }
        List<TokenCheck> outcomes = new ArrayList<>();
        for (Future<TokenCheck> submission : submissions) {
            outcomes.add(submission.get(30, TimeUnit.SECONDS));
        }

        assertEquals(
                1,
                outcomes.stream().filter(TokenCheck.ACCEPTED::equals).count(),
                "exactly one of two parallel submissions may succeed: " + outcomes);
        assertTrue(outcomes.contains(TokenCheck.REJECTED), "the other is refused: " + outcomes);
    }

    @Test
    void wrongTokensInARowLockTheTokenStep() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge challenge = activatedDevice(accountId);
        String right = Devices.code(challenge.getKeyForManualEntry(), 1);
        String wrong = right.equals("000000") ? "111111" : "000000";

        List<TokenCheck> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(secondFactor.verify(accountId, wrong, SOURCE));
        }

        assertEquals(TokenCheck.REJECTED, outcomes.get(8), "ninth wrong token");
        assertEquals(TokenCheck.LOCKED, outcomes.get(9), "tenth wrong token locks");
        assertEquals(
                TokenCheck.LOCKED,
                secondFactor.verify(accountId, right, SOURCE),
                "while locked even the right token is refused");
    }

    @Test
    void disablingNeedsPasswordAndCurrentTokenAndKeepsNothing() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        SetupChallenge challenge = activatedDevice(accountId);

        char[] password = TestAccounts.PASSWORD.toCharArray();
        DisableOutcome wrong = enrollment.disable(accountId, password, "12x456", SOURCE);
        DisableOutcome right =
                enrollment.disable(
                        accountId,
                        password,
                        Devices.code(challenge.getKeyForManualEntry(), 1),
                        SOURCE);

        assertEquals(DisableOutcome.WRONG_TOKEN, wrong);
        assertEquals(DisableOutcome.DISABLED, right);
        assertEquals(DeviceView.State.NONE, enrollment.view(accountId).getState());
    }

    @Test
    void setupIsRefusedWhileCompanyHasMfaDisabled() {
        long accountId = accounts.newAccount(MfaPolicy.DISABLED, Role.USER);

        assertThrows(SetupNotAllowedException.class, () -> enrollment.startSetup(accountId));
        assertEquals(false, enrollment.view(accountId).isMaySetUp(), "Setup is not offered");
    }
}
