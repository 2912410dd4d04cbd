package org.openinfusion.dashboard.login;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new browser session id at sign-in (against session fixation): the servlet container's
 * {@code HttpServletRequest.changeSessionId()} keeps the session and its Vaadin state, gives it a new id and sends the
 * new cookie with this request's response. Needs a real HTTP request: the push channel is WebSocket for the server's
 * messages and XHR for the browser's ({@code AppShell}), so a sign-in click arrives as an HTTP request.
 */
final class SessionIds {
    private static final Logger LOG = LoggerFactory.getLogger(SessionIds.class);

    private SessionIds() {
    }

    static void renew() {
        if (!(VaadinRequest.getCurrent() instanceof VaadinServletRequest request)) {
            LOG.warn("sign-in outside an HTTP request: the session id was not renewed");
            return;
        }
        try {
            String before = request.getHttpServletRequest().getRequestedSessionId();
            String after = request.getHttpServletRequest().changeSessionId();
            LOG.debug("session id renewed at sign-in ({} characters)", after.length());
            if (after.equals(before)) {
                LOG.warn("the session id did not change at sign-in");
            }
        } catch (IllegalStateException | UnsupportedOperationException e) {
            LOG.warn("the session id was not renewed at sign-in: {}", e.toString());
        }
    }
}
