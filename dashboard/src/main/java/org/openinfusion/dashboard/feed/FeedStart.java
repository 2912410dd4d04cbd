package org.openinfusion.dashboard.feed;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Starts the shared live feed with the web server, before any page opens (registered through META-INF/services). */
public final class FeedStart implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        LiveFeed.shared();
    }
}
