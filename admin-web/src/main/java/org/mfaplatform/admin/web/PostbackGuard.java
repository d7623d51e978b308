package org.mfaplatform.admin.web;

import jakarta.faces.component.UICommand;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers 400 to a request no page of this site sends: a POST without view state, a postback by
 * GET, or a postback that names no form of the page or none of that form's buttons. Faces would
 * otherwise show the page again without a word, or act on a GET.
 *
 * <p>TODO(duplication): the portal has the same class; Faces classes cannot live in the core
 * module, whose class loader does not see the Faces implementation bundled in each WAR.
 */
public class PostbackGuard implements PhaseListener {

    private static final long serialVersionUID = 1L;

    private static final String ERROR_STATUS = "jakarta.servlet.error.status_code";

    private static final Logger LOG = Logger.getLogger(PostbackGuard.class.getName());

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        // An error page is shown within the request that failed, whatever that request was.
        if (faces.getResponseComplete()
                || faces.getExternalContext().getRequestMap().containsKey(ERROR_STATUS)) {
            return;
        }
        String method = ((HttpServletRequest) faces.getExternalContext().getRequest()).getMethod();
        if (event.getPhaseId() == PhaseId.RESTORE_VIEW) {
            if (faces.isPostback() ? !method.equals("POST") : method.equals("POST")) {
                refuse(faces, "a postback by " + method + " or a POST without view state");
            }
        } else if (event.getPhaseId() == PhaseId.APPLY_REQUEST_VALUES
                && faces.isPostback()
                && !namesFormAndButton(faces)) {
            // A GET with view parameters passes this phase too; it names no form, rightly.
            refuse(faces, "a postback naming no form or button of the page");
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {}

    /** Whether a form of the view was submitted together with one of its buttons. */
    private static boolean namesFormAndButton(FacesContext faces) {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        AtomicBoolean found = new AtomicBoolean();
        faces.getViewRoot()
                .visitTree(
                        VisitContext.createVisitContext(faces),
                        (context, component) -> {
                            if (component instanceof UIForm form && !form.isSubmitted()) {
                                return VisitResult.REJECT;
                            }
                            if (component instanceof UICommand
                                    && parameters.containsKey(component.getClientId(faces))) {
                                found.set(true);
                                return VisitResult.COMPLETE;
                            }
                            return VisitResult.ACCEPT;
                        });
        return found.get();
    }

    private static void refuse(FacesContext faces, String what) {
        ExternalContext external = faces.getExternalContext();
        LOG.log(
                Level.FINE,
                "Refused {0} to {1}",
                new Object[] {what, external.getRequestPathInfo()});
        try {
            external.responseSendError(HttpServletResponse.SC_BAD_REQUEST, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
