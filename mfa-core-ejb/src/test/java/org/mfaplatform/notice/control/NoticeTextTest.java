package org.mfaplatform.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeTextTest {

    private static final long ACCOUNT = 42;
    private static final String EMAIL = "alice@example.com";
    private static final String SITE = "login.example.com";
    private static final Instant AT = Instant.parse("2026-12-04T04:30:15Z");

    private static NoticeText text(AccountNotice notice) {
        return NoticeText.of(notice, EMAIL, SITE);
    }

    @Test
    void setupNoticeSaysWhatWhenInUtcFromWhereAndWhatToDo() {
        NoticeText text = text(AccountNotice.deviceSetUp(ACCOUNT, AT, "192.0.2.10"));

        assertEquals("Two-step login was turned on for your account", text.subject());
        assertTrue(text.body().contains("your account alice@example.com at login.example.com"));
        assertTrue(text.body().contains("on 4 December 2026 at 04:30 UTC"), text.body());
        assertTrue(text.body().contains("from the address 192.0.2.10"), text.body());
        assertTrue(text.body().contains("If this was not you, contact your administrator"));
    }

    @Test
    void unknownSourceAddressIsLeftOutRatherThanShownAsNull() {
        NoticeText text = text(AccountNotice.deviceDisabled(ACCOUNT, AT, null));

        assertEquals("Two-step login was turned off for your account", text.subject());
        assertFalse(text.body().contains("from the address"), text.body());
        assertFalse(text.body().contains("null"), text.body());
    }

    @Test
    void replacementNoticeSaysTheEarlierAppNoLongerWorks() {
        NoticeText text = text(AccountNotice.deviceReplaced(ACCOUNT, AT, "192.0.2.10"));

        assertEquals("The authenticator app for your account was replaced", text.subject());
        assertTrue(text.body().contains("from the address 192.0.2.10"), text.body());
        assertTrue(text.body().contains("tokens from the earlier app no longer work"));
        assertTrue(text.body().contains("If this was not you, contact your administrator"));
    }

    @Test
    void resetNoticeNamesNoAddressAndSaysWhatToDo() {
        NoticeText text = text(AccountNotice.mfaReset(ACCOUNT, AT));

        assertEquals("An administrator reset two-step login for your account", text.subject());
        assertFalse(text.body().contains("from the address"), text.body());
        assertTrue(text.body().contains("contact your administrator"), text.body());
    }

    @Test
    void lockNoticeSaysUntilWhenTokenEntryIsLocked() {
        Instant until = AT.plusSeconds(15 * 60);

        NoticeText text = text(AccountNotice.tokenLocked(ACCOUNT, AT, "192.0.2.10", until));

        assertEquals("Token entry on your account was locked after wrong tokens", text.subject());
        assertTrue(text.body().contains("locked until 4 December 2026 at 04:45 UTC"), text.body());
        assertTrue(text.body().contains("contact your administrator"), text.body());
    }

    @Test
    void everyTypeHasASubjectOfItsOwnAndNoLink() {
        Set<String> subjects = new HashSet<>();
        for (AccountNotice.Type type : AccountNotice.Type.values()) {
            Instant until = type == AccountNotice.Type.TOKEN_LOCKED ? AT.plusSeconds(60) : null;
            NoticeText text = text(new AccountNotice(type, ACCOUNT, AT, "192.0.2.10", until));

            subjects.add(text.subject());
            assertFalse(text.body().contains("://"), type + " carries a link: " + text.body());
        }
        assertEquals(AccountNotice.Type.values().length, subjects.size());
    }

    @Test
    void lockUntilBelongsToTheLockNoticeOnly() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AccountNotice(AccountNotice.Type.DEVICE_SET_UP, ACCOUNT, AT, null, AT));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AccountNotice(AccountNotice.Type.TOKEN_LOCKED, ACCOUNT, AT, null, null));
    }
}
