package org.mfaplatform.it.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfaplatform.account.boundary.PasswordChangeOutcome;
import org.mfaplatform.account.boundary.PasswordLogin;
import org.mfaplatform.account.boundary.TemporaryPasswordChange;
import org.mfaplatform.account.entity.Account;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.administration.boundary.MfaReset;
import org.mfaplatform.administration.boundary.ResetOutcome;
import org.mfaplatform.administration.boundary.ResetResult;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.enrollment.boundary.Enrollment;
import org.mfaplatform.login.boundary.LoginGate;
import org.mfaplatform.login.boundary.SecondFactor;
import org.mfaplatform.login.boundary.TokenCheck;
import org.mfaplatform.policy.control.LoginStep;

/**
 * The per-account count of wrong tokens and what it locks, through the EJB boundary on the real
 * server and database with the product's default limits: the token step locks at every tenth wrong
 * token in a row, each lock twice as long as the one before, and the fiftieth locks the account
 * until staff reset it with a temporary password.
 */
@ExtendWith(ArquillianExtension.class)
class TokenLockoutIT {

    private static final String SOURCE = "192.0.2.20";

    /** Allowance for the time between the server taking its clock reading and the test its own. */
    private static final Duration SLACK = Duration.ofMinutes(1);

    @Deployment
    static WebArchive deployment() {
        return CoreDeployment.withTests(TokenLockoutIT.class);
    }

    @EJB TestAccounts accounts;

    @EJB Enrollment enrollment;

    @EJB SecondFactor secondFactor;

    @EJB LoginGate loginGate;

    @EJB MfaReset mfaReset;

    @EJB PasswordLogin passwordLogin;

    @EJB TemporaryPasswordChange passwordChange;

    private static String wrongFor(String right) {
        return right.equals("000000") ? "111111" : "000000";
    }

    private static void assertLockedFor(Duration expected, Account account) {
        Instant until = account.getTokenLockedUntil();
        assertNotNull(until, "the token step is locked");
        Duration left = Duration.between(Instant.now(), until);
        assertTrue(
                left.compareTo(expected.minus(SLACK)) > 0
                        && left.compareTo(expected.plus(SLACK)) < 0,
                "locked for about " + expected + ", not " + left);
    }

    private String activatedDevice(long accountId) {
        return Devices.activate(enrollment, accountId, SOURCE).getKeyForManualEntry();
    }

    @Test
    void tenthWrongTokenLocksTheTokenStepForFifteenMinutes() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        accounts.setFailedTokens(accountId, 9);

        TokenCheck tenth = secondFactor.verify(accountId, wrongFor(Devices.code(key, 1)), SOURCE);

        assertEquals(TokenCheck.LOCKED, tenth);
        assertLockedFor(Duration.ofMinutes(15), accounts.accountOf(accountId));
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongAsTheOneBefore() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        // The lock of the tenth has lifted; the count goes on from there.
        accounts.setFailedTokens(accountId, 19);

        TokenCheck twentieth =
                secondFactor.verify(accountId, wrongFor(Devices.code(key, 1)), SOURCE);
        accounts.setFailedTokens(accountId, 39);
        TokenCheck fortieth =
                secondFactor.verify(accountId, wrongFor(Devices.code(key, 1)), SOURCE);

        assertEquals(TokenCheck.LOCKED, twentieth);
        assertEquals(TokenCheck.LOCKED, fortieth);
        assertLockedFor(Duration.ofMinutes(120), accounts.accountOf(accountId));
    }

    @Test
    void lockedTokenStepDoesNotEvaluateOrCountCodes() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        accounts.setFailedTokens(accountId, 9);
        secondFactor.verify(accountId, wrongFor(Devices.code(key, 1)), SOURCE);

        TokenCheck right = secondFactor.verify(accountId, Devices.code(key, 1), SOURCE);
        TokenCheck wrong = secondFactor.verify(accountId, wrongFor(Devices.code(key, 1)), SOURCE);

        assertEquals(TokenCheck.LOCKED, right);
        assertEquals(TokenCheck.LOCKED, wrong);
        assertEquals(10, accounts.failedTokensOf(accountId), "neither code was counted");
    }

    @Test
    void rightTokenAfterALockResetsTheCount() {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        accounts.setFailedTokens(accountId, 15);

        assertEquals(
                TokenCheck.ACCEPTED, secondFactor.verify(accountId, Devices.code(key, 1), SOURCE));
        assertEquals(0, accounts.failedTokensOf(accountId));
    }

    /**
     * Fifty wrong codes at once: every one is counted exactly once until the tenth locks the token
     * step, and none slips past the lock, because the count rises only in a conditional update that
     * no longer matches once a parallel failure has set the lock.
     */
    @Test
    void fiftyParallelWrongTokensAreCountedOnceEachUpToTheLock() throws Exception {
        long accountId = accounts.newAccount(MfaPolicy.OPTIONAL, Role.USER);
        String key = activatedDevice(accountId);
        String wrong = wrongFor(Devices.code(key, 1));
        int parallel = 50;
        // Released once all are queued: the server's executor may run fewer at once than that.
        CountDownLatch start = new CountDownLatch(1);
        ManagedExecutorService executor =
                InitialContext.doLookup("java:comp/DefaultManagedExecutorService");

        List<Future<TokenCheck>> submissions = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            submissions.add(
                    executor.submit(
                            () -> {
                                start.await(30, TimeUnit.SECONDS);
                                return secondFactor.verify(accountId, wrong, SOURCE);
                            }));
        }
        start.countDown();
        List<TokenCheck> outcomes = new ArrayList<>();
        for (Future<TokenCheck> submission : submissions) {
            outcomes.add(submission.get(60, TimeUnit.SECONDS));
        }

        assertEquals(10, accounts.failedTokensOf(accountId), "counted up to the lock: " + outcomes);
        assertEquals(
                9,
                outcomes.stream().filter(TokenCheck.REJECTED::equals).count(),
                "nine refused before the lock: " + outcomes);
        assertEquals(
                parallel - 9,
                outcomes.stream().filter(TokenCheck.LOCKED::equals).count(),
                "the tenth locked, the rest met the lock: " + outcomes);
        assertLockedFor(Duration.ofMinutes(15), accounts.accountOf(accountId));
    }

    @Test
    void fiftiethWrongTokenLocksTheAccountUntilStaffResetItWithTemporaryPassword() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long user = accounts.newColleague(admin, Role.USER);
        String key = activatedDevice(user);
        accounts.setFailedTokens(user, 49);
        int generationBefore = accounts.sessionGenerationOf(user);

        TokenCheck fiftieth = secondFactor.verify(user, wrongFor(Devices.code(key, 1)), SOURCE);

        assertEquals(TokenCheck.ACCOUNT_LOCKED, fiftieth);
        assertTrue(accounts.accountOf(user).isLocked());
        assertTrue(accounts.sessionGenerationOf(user) > generationBefore, "open sessions end");
        assertEquals(
                TokenCheck.ACCOUNT_LOCKED,
                secondFactor.verify(user, Devices.code(key, 1), SOURCE),
                "not even the right token is evaluated");
        assertEquals(
                LoginStep.ACCOUNT_LOCKED,
                loginGate.evaluate(user, null, false).orElseThrow().step(),
                "the right password leads nowhere");
        assertEquals(
                LoginStep.ACCOUNT_LOCKED,
                loginGate.evaluate(user, null, false).orElseThrow().step(),
                "a lock does not lift by itself");

        ResetResult reset =
                mfaReset.reset(admin, user, "identity checked by call-back", null, SOURCE);

        assertEquals(ResetOutcome.RESET, reset.outcome());
        assertTrue(reset.unlockedAccount(), "a locked account gets a temporary password");
        assertFalse(reset.toString().contains(reset.temporaryPassword()), "never printed");
        Account unlocked = accounts.accountOf(user);
        assertFalse(unlocked.isLocked());
        assertEquals(0, unlocked.getFailedTokens());
        assertTrue(
                passwordLogin
                        .verify(accounts.emailOf(user), TestAccounts.PASSWORD.toCharArray())
                        .isEmpty(),
                "the old password, known to whoever guessed, is gone");
        assertEquals(
                user,
                passwordLogin
                        .verify(accounts.emailOf(user), reset.temporaryPassword().toCharArray())
                        .orElseThrow());
        assertEquals(
                LoginStep.PASSWORD_CHANGE_REQUIRED,
                loginGate.evaluate(user, null, false).orElseThrow().step());
    }

    @Test
    void temporaryPasswordMustBeReplacedByADifferentLongEnoughOne() {
        long admin = accounts.newAccount(MfaPolicy.OPTIONAL, Role.COMPANY_ADMIN);
        long user = accounts.newColleague(admin, Role.USER);
        String key = activatedDevice(user);
        accounts.setFailedTokens(user, 49);
        secondFactor.verify(user, wrongFor(Devices.code(key, 1)), SOURCE);
        assertTrue(accounts.accountOf(user).isLocked(), "locked by the fiftieth wrong token");
        String temporary = mfaReset.reset(admin, user, "checked", null, SOURCE).temporaryPassword();
        String chosen = "a passphrase of my own";

        assertEquals(PasswordChangeOutcome.TOO_SHORT, change(user, "short", "short"));
        assertEquals(PasswordChangeOutcome.MISMATCH, change(user, chosen, chosen + "!"));
        assertEquals(PasswordChangeOutcome.SAME_AS_TEMPORARY, change(user, temporary, temporary));
        assertEquals(PasswordChangeOutcome.CHANGED, change(user, chosen, chosen));
        assertEquals(PasswordChangeOutcome.NOT_REQUIRED, change(user, chosen + "2", chosen + "2"));

        assertNull(
                accounts.accountOf(user).getLockedAt(),
                "the account stays unlocked after the change");
        assertEquals(
                LoginStep.GRANTED,
                loginGate.evaluate(user, null, false).orElseThrow().step(),
                "optional policy and the device reset: the new password alone lets in");
        assertTrue(passwordLogin.verify(accounts.emailOf(user), chosen.toCharArray()).isPresent());
    }

    private PasswordChangeOutcome change(long user, String password, String confirmation) {
        return passwordChange.replace(
                user, password.toCharArray(), confirmation.toCharArray(), SOURCE);
    }
}
