package org.mfaplatform.login.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.company.entity.MfaPolicy;
import org.mfaplatform.policy.control.LoginStep;
import org.mfaplatform.policy.control.MfaRules;

class AccessTest {

    /** The mechanism relies on this instead of reading the account again after a right token. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = MfaPolicy.class,
            names = {"OPTIONAL", "REQUIRED"})
    void acceptedTokenLeadsWhereTheRulesLeadWithTheToken(MfaPolicy policy) {
        LoginStep asked = MfaRules.nextStep(policy, true, false);
        assertEquals(LoginStep.TOKEN_REQUIRED, asked, "a policy that asks for a token");

        Access pending = new Access(7, "ann@example.com", Role.USER, asked, 3);

        assertEquals(MfaRules.nextStep(policy, true, true), pending.withTokenAccepted().step());
        assertEquals(3, pending.withTokenAccepted().sessionGeneration());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LoginStep.class, names = "TOKEN_REQUIRED", mode = EnumSource.Mode.EXCLUDE)
    void refusesTokenAcceptedWhereNoneWasAskedFor(LoginStep step) {
        Access access = new Access(7, "ann@example.com", Role.USER, step, 3);

        assertThrows(IllegalStateException.class, access::withTokenAccepted);
    }
}
