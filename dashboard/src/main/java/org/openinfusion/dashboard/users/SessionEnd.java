package org.openinfusion.dashboard.users;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * When a browser session ends (idle timeout, or sign-out), the station forgets its sign-in too. Registered through
 * META-INF/services.
 */
public final class SessionEnd implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            StationUser u = e.getSession().getAttribute(StationUser.class);
            if (u != null) {
                SignOutButton.signOutAtStation(u.token(), "session ended");
            }
        });
    }
}
