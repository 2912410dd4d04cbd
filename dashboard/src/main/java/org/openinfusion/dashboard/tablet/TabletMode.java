package org.openinfusion.dashboard.tablet;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.dashboard.users.StationUser;

/**
 * Once a browser has opened the patient tablet page, it is a tablet: every other page of this browser session is
 * rerouted to the tablet page (so neither a typed address nor the browser's back button reaches a staff page), and a
 * staff sign-in it held is closed. Registered through META-INF/services. A staff screen again only in a new browser
 * session (docs/tablet.md).
 */
public final class TabletMode implements VaadinServiceInitListener {
    private static final String ATTRIBUTE = "patient-tablet";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(e -> {
            if (isTablet(init.getUI().getSession()) && e.getNavigationTarget() != TabletView.class) {
                e.rerouteTo(TabletView.class);
            }
        }));
    }

    static boolean isTablet(VaadinSession session) {
        return session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    }

    /** Makes this browser session a patient tablet; a staff member signed in on it is signed out. */
    static void enter(VaadinSession session) {
        if (session == null) {
            return;
        }
        session.setAttribute(ATTRIBUTE, Boolean.TRUE);
        StationUser staff = session.getAttribute(StationUser.class);
        if (staff != null) {
            SignOutButton.signOutAtStation(staff.token(), "browser became a patient tablet");
            session.setAttribute(StationUser.class, null);
        }
    }
}
