package org.openinfusion.dashboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Application shell: server push for live data (WebSocket from the server; the browser's messages as XHR requests, so
 * that the sign-in can renew the session id in an HTTP response), the Lumo theme, page metadata and the icon
 * ({@code META-INF/resources/favicon.ico}, served at /favicon.ico, where browsers ask for it unasked).
 */
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/station.css")
public class AppShell implements AppShellConfigurator {
    /** The page icon, a static resource of this jar. */
    static final String FAVICON = "favicon.ico";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Infusion station");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        settings.addFavIcon("icon", FAVICON, "32x32");
    }
}
