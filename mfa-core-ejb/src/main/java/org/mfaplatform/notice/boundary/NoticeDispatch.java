package org.mfaplatform.notice.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.mfaplatform.notice.control.AccountNotice;

/**
 * Hands each notice to the mailer once the transaction that fired it has committed. Waiting for the
 * commit means no user is told of an act that was then rolled back; handing off to an asynchronous
 * method means the act's caller (a login, a setup) never waits for the mail server, however slow or
 * dead it is.
 */
@ApplicationScoped
public class NoticeDispatch {

    @Inject NoticeMail mail;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountNotice notice) {
        mail.send(notice);
    }
}
