package org.openinfusion.dashboard.feed;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.openinfusion.dashboard.DashboardServices;

/**
 * Starts the shared live feed with the web server, before any page opens (registered through META-INF/services); a
 * web server started without a station starts it on first use instead.
 */
public final class FeedStart implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (DashboardServices.installed()) {
            LiveFeed.shared();
        }
    }
}
