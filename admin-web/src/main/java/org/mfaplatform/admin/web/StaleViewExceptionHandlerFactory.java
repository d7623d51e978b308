package org.mfaplatform.admin.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shows the expired page itself for a view that cannot be restored (an old or tampered view state,
 * or the view state of another page of the same session) or a protected view opened without its
 * token. Left to the error pages of web.xml, each of these requests, which are the visitor's
 * mistake or a probe, logs the exception with its stack trace and writes FFDC files; here it costs
 * one FINE line naming the exception class.
 *
 * <p>TODO(duplication): the portal has the same class; Faces classes cannot live in the core
 * module, whose class loader does not see the Faces implementation bundled in each WAR.
 */
public class StaleViewExceptionHandlerFactory extends ExceptionHandlerFactory {

    private static final String EXPIRED_PAGE = "/expired.xhtml";

    private static final Logger LOG =
            Logger.getLogger(StaleViewExceptionHandlerFactory.class.getName());

    public StaleViewExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new StaleViewExceptionHandler(getWrapped().getExceptionHandler());
    }

    private static final class StaleViewExceptionHandler extends ExceptionHandlerWrapper {

        StaleViewExceptionHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                ExceptionQueuedEventContext queued = events.next().getContext();
                Throwable stale = staleView(queued.getException(), queued.getPhaseId());
                FacesContext faces = FacesContext.getCurrentInstance();
                if (stale != null && faces != null && !faces.getResponseComplete()) {
                    events.remove();
                    showExpiredPage(faces, stale);
                }
            }
            getWrapped().handle();
        }

        /**
         * The expired or protected view failure inside {@code failure}, if it is one. Restoring a
         * view from the state saved for another page (a form's view state posted to a different
         * page) fails inside the components' {@code restoreState} with an index or cast error:
         * that, in the restore phase, is a stale view too.
         */
        private static Throwable staleView(Throwable failure, PhaseId phase) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException
                        || cause instanceof ProtectedViewException) {
                    return cause;
                }
                if (phase == PhaseId.RESTORE_VIEW
                        && (cause instanceof IndexOutOfBoundsException
                                || cause instanceof ClassCastException)) {
                    return cause;
                }
                if (!(cause instanceof FacesException)) {
                    return null;
                }
            }
            return null;
        }

        private static void showExpiredPage(FacesContext faces, Throwable stale) {
            LOG.log(
                    Level.FINE,
                    "Showed the expired page for {0}: {1}",
                    new Object[] {
                        faces.getExternalContext().getRequestServletPath(),
                        stale.getClass().getSimpleName()
                    });
            faces.setViewRoot(
                    faces.getApplication().getViewHandler().createView(faces, EXPIRED_PAGE));
            faces.renderResponse();
        }
    }
}
