package org.mfaplatform.login.web;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drops the Faces views a session kept when its id changes, that is at every step of the login
 * (password, token, a confirmed setup, a replaced temporary password). The key of a server-side
 * view is what a form posts as its view state, and so the form's guard against cross-site posts;
 * like the session id, it is renewed when privilege changes, so a key seen or planted before the
 * step is worth nothing after it. It also frees the heap of the login and token pages, whose forms
 * can only expire once the login is complete: a session otherwise kept all of them until it ended.
 * A form of such a page posted afterwards, as from the back button of a cached page or a second
 * tab, gets the expired page. Registered in each web.xml.
 *
 * <p>The page that asked for the step renders after its redirect, so it gets a new view; a page
 * that renders in the same request (Settings after a confirmed setup) saves its view anew.
 */
public class ViewStatesOfEarlierLogin implements HttpSessionIdListener {

    /**
     * The session attribute Mojarra 4.0 keeps its server-side views under ({@code
     * ServerSideStateHelper.LOGICAL_VIEW_MAP}); it creates it again on the next view it saves.
     */
    // TODO(faces-upgrade): a Mojarra-internal name; another Faces implementation or a renamed
    // attribute leaves the views in place, which is today's behaviour, so nothing breaks unseen
    // except the memory figure (BENCHMARKS.md).
    static final String MOJARRA_VIEWS =
            "com.sun.faces.renderkit.ServerSideStateHelper.LogicalViewMap";

    private static final Logger LOG = Logger.getLogger(ViewStatesOfEarlierLogin.class.getName());

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        if (event.getSession().getAttribute(MOJARRA_VIEWS) == null) {
            return;
        }

        event.getSession().removeAttribute(MOJARRA_VIEWS);
        LOG.log(Level.FINE, "Dropped the views kept before a login step");
    }
}
