package org.mfaplatform.administration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mfaplatform.company.entity.MfaPolicy.DISABLED;
import static org.mfaplatform.company.entity.MfaPolicy.OPTIONAL;
import static org.mfaplatform.company.entity.MfaPolicy.REQUIRED;

import org.junit.jupiter.api.Test;
import org.mfaplatform.company.entity.MfaPolicy;

/** Which users a policy change touches, from 30 users with a device and 12 without. */
class PolicyPreviewTest {

    private static final long WITH_DEVICE = 30;
    private static final long WITHOUT_DEVICE = 12;

    private static PolicyPreview change(MfaPolicy from, MfaPolicy to) {
        return new PolicyPreview(from, to, WITH_DEVICE, WITHOUT_DEVICE);
    }

    @Test
    void requiringMfaSendsUsersWithoutDeviceToSetup() {
        PolicyPreview preview = change(OPTIONAL, REQUIRED);
        assertEquals(12, preview.getMustSetUp());
        assertEquals(0, preview.getAskedForTokenAgain(), "they were asked all along");
        assertEquals(0, preview.getNoLongerAskedForToken());
    }

    @Test
    void requiringMfaAfterDisablingAlsoWakesDormantDevices() {
        PolicyPreview preview = change(DISABLED, REQUIRED);
        assertEquals(12, preview.getMustSetUp());
        assertEquals(30, preview.getAskedForTokenAgain());
    }

    @Test
    void disablingMfaStopsTokenStepForUsersWithDevice() {
        PolicyPreview preview = change(OPTIONAL, DISABLED);
        assertEquals(30, preview.getNoLongerAskedForToken());
        assertEquals(0, preview.getMustSetUp());
        assertFalse(preview.isUsersMayDisable());
    }

    @Test
    void makingMfaOptionalAgainLetsUsersTurnItOff() {
        PolicyPreview preview = change(REQUIRED, OPTIONAL);
        assertTrue(preview.isUsersMayDisable());
        assertEquals(0, preview.getMustSetUp());
        assertEquals(0, preview.getNoLongerAskedForToken());
    }

    @Test
    void keepingThePolicyChangesNothing() {
        for (MfaPolicy policy : MfaPolicy.values()) {
            PolicyPreview preview = change(policy, policy);
            assertFalse(preview.isChange());
            assertEquals(0, preview.getMustSetUp());
            assertEquals(0, preview.getAskedForTokenAgain());
            assertEquals(0, preview.getNoLongerAskedForToken());
            assertFalse(preview.isUsersMayDisable());
        }
    }
}
