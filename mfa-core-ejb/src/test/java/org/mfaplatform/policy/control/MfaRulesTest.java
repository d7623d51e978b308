package org.mfaplatform.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mfaplatform.account.entity.Role;
import org.mfaplatform.company.entity.MfaPolicy;

class MfaRulesTest {

    @ParameterizedTest(name = "{0}, device {1}, token given {2}: {3}")
    @CsvSource({
        "DISABLED, false, false, GRANTED",
        "DISABLED, true, false, GRANTED",
        "OPTIONAL, false, false, GRANTED",
        "OPTIONAL, true, false, TOKEN_REQUIRED",
        "OPTIONAL, true, true, GRANTED",
        "REQUIRED, false, false, SETUP_REQUIRED",
        "REQUIRED, false, true, SETUP_REQUIRED",
        "REQUIRED, true, false, TOKEN_REQUIRED",
        "REQUIRED, true, true, GRANTED",
    })
    void decidesNextLoginStep(
            MfaPolicy policy, boolean hasDevice, boolean tokenVerified, LoginStep expected) {
        assertEquals(expected, MfaRules.nextStep(policy, hasDevice, tokenVerified));
    }

    @ParameterizedTest(name = "support staff under {0} are treated as REQUIRED")
    @CsvSource({"DISABLED", "OPTIONAL", "REQUIRED"})
    void supportStaffAlwaysNeedMfa(MfaPolicy companyPolicy) {
        assertEquals(MfaPolicy.REQUIRED, MfaRules.effectivePolicy(companyPolicy, Role.SUPPORT));
    }

    @Test
    void companyAdministratorsFollowTheirCompany() {
        assertEquals(
                MfaPolicy.DISABLED,
                MfaRules.effectivePolicy(MfaPolicy.DISABLED, Role.COMPANY_ADMIN));
    }

    @ParameterizedTest(name = "{0}: may set up {1}, may disable {2}, may replace {3}")
    @CsvSource({
        "DISABLED, false, false, false",
        "OPTIONAL, true, true, true",
        "REQUIRED, true, false, true"
    })
    void allowsDeviceActionsPerPolicy(
            MfaPolicy policy, boolean maySetUp, boolean mayDisable, boolean mayReplace) {
        assertEquals(maySetUp, MfaRules.maySetUpDevice(policy), "may set up");
        assertEquals(mayDisable, MfaRules.mayDisableDevice(policy), "may disable");
        assertEquals(mayReplace, MfaRules.mayReplaceDevice(policy), "may replace");
    }
}
