package org.mfaplatform.notice.control;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The subject and plain-text body of a notice, worded for the account's owner. A notice tells what
 * happened, when (in UTC, since the server cannot know the reader's zone) and from which address,
 * and what to do if it was not them. It never carries a key, a token, a QR code or a link: mail
 * passes through servers nobody here controls, and a link in a security notice is what phishing
 * mail imitates.
 *
 * @param subject the subject line
 * @param body the plain-text body
 */
// TODO(i18n): English only, like the portal's pages; move the texts to a resource bundle once the
// account knows its owner's language.
public record NoticeText(String subject, String body) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private static final String NOT_YOU =
            "If this was not you, contact your administrator at once: someone else may know your"
                    + " password.";

    /**
     * @param notice what happened
     * @param email the account's email address, as the user knows their account
     * @param site the deployment's domain name ({@code mfa.issuer}), as the authenticator app shows
     *     it
     */
    public static NoticeText of(AccountNotice notice, String email, String site) {
        String when = WHEN.format(notice.at());
        String from =
                notice.sourceAddress() == null
                        ? ""
                        : ", from the address " + notice.sourceAddress();
        String account = "your account " + email + " at " + site;

        NoticeText text =
                switch (notice.type()) {
                    case DEVICE_SET_UP ->
                            new NoticeText(
                                    "Two-step login was turned on for your account",
                                    "An authenticator app was set up for two-step login on "
                                            + account
                                            + " on "
                                            + when
                                            + from
                                            + ".\n\nFrom now on, logging in asks for a token from"
                                            + " that app after your password.\n\n"
                                            + "If this was you, there is nothing to do. "
                                            + NOT_YOU);
                    case DEVICE_DISABLED ->
                            new NoticeText(
                                    "Two-step login was turned off for your account",
                                    "The authenticator app of "
                                            + account
                                            + " was turned off on "
                                            + when
                                            + from
                                            + ".\n\nLogging in no longer asks for a token from it."
                                            + "\n\nIf this was you, there is nothing to do. "
                                            + NOT_YOU);
                    case DEVICE_REPLACED ->
                            new NoticeText(
                                    "The authenticator app for your account was replaced",
                                    "A new authenticator app was set up for two-step login on "
                                            + account
                                            + " on "
                                            + when
                                            + from
                                            + ", in place of the earlier one.\n\nFrom now on,"
                                            + " logging in asks for a token from the new app;"
                                            + " tokens from the earlier app no longer work.\n\n"
                                            + "If this was you, there is nothing to do. "
                                            + NOT_YOU);
                    case MFA_RESET ->
                            new NoticeText(
                                    "An administrator reset two-step login for your account",
                                    "An administrator reset two-step login on "
                                            + account
                                            + " on "
                                            + when
                                            + ".\n\nThe authenticator app you had set up no longer"
                                            + " works for this account. At your next login you may"
                                            + " be asked to set up an app again.\n\n"
                                            + "If you did not ask for this, contact your"
                                            + " administrator at once.");
                    case TOKEN_LOCKED ->
                            new NoticeText(
                                    "Token entry on your account was locked after wrong tokens",
                                    "Too many wrong tokens were entered in a row for "
                                            + account
                                            + ", the last on "
                                            + when
                                            + from
                                            + ".\n\nToken entry stays locked until "
                                            + WHEN.format(notice.lockedUntil())
                                            + "; then it unlocks by itself. A token is asked for"
                                            + " only after the right password.\n\n"
                                            + NOT_YOU);
                    case ACCOUNT_LOCKED ->
                            new NoticeText(
                                    "Your account was locked after many wrong tokens",
                                    "Wrong tokens kept being entered for "
                                            + account
                                            + ", the last on "
                                            + when
                                            + from
                                            + ".\n\nA token is asked for only after the right"
                                            + " password, so someone other than you may know"
                                            + " your password. The account is locked: contact"
                                            + " your administrator, who will check who you are,"
                                            + " reset it and give you a temporary password to"
                                            + " replace at your next login.");
                };
        return new NoticeText(text.subject(), text.body() + footer(site));
    }

    private static String footer(String site) {
        return "\n\n-- \nSent automatically by "
                + site
                + ". Replies to this message are not read.\n";
    }
}
