package org.openinfusion.dashboard.feed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.PushConnectionFactory;
import java.io.IOException;
import org.atmosphere.cpr.AtmosphereResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages' push connection: Flow's, except that the connection of a page already left is closed at once. A page left
 * (another address, a reload) sends an unload beacon that closes its UI; Flow's {@link AtmospherePushConnection} then
 * waits up to 1,000 ms for the last message pushed to that page to be written before it closes the connection, and it
 * waits holding the browser session's lock, so the next page of the same browser session (its first request, Flow's
 * init) waited that second too. The page is gone: a message still on its way is never shown, and its write may never
 * finish (measured with {@code bin/benchmark review}: the first page after the sign-in and every other page-load open
 * waited 1.0-1.1 s; docs/performance.md, session 14). A UI that is not closing is disconnected as Flow does.
 * Registered through META-INF/services as the {@link PushConnectionFactory}.
 */
public final class LeftPagePush extends AtmospherePushConnection {
    private static final Logger LOG = LoggerFactory.getLogger(LeftPagePush.class);

    public LeftPagePush(UI ui) {
        super(ui);
    }

    @Override
    public void disconnect() {
        AtmosphereResource resource = getResource();
        if (resource == null || !getUI().isClosing()) {
            super.disconnect();
            return;
        }
        connectionLost();
        try {
            resource.close();
        } catch (IOException e) {
            LOG.debug("closing a left page's push connection: {}", e.toString());
        }
    }

    /** Makes the pages' push connections ({@code META-INF/services/com.vaadin.flow.server.communication.PushConnectionFactory}). */
    public static final class Factory implements PushConnectionFactory {
        @Override
        public PushConnection apply(UI ui) {
            return new LeftPagePush(ui);
        }
    }
}
