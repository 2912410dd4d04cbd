package org.openinfusion.dashboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.List;

/**
 * Application shell: server push for live data (WebSocket from the server; the browser's messages as XHR requests, so
 * that the sign-in can renew the session id in an HTTP response), the Lumo theme, page metadata; a review record's page
 * asks for its view's scripts and uPlot's style with the document ({@link #preloads}).
 */
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/station.css")
public class AppShell implements AppShellConfigurator {
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Infusion station");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        preloads(settings.getRequest() == null ? null : settings.getRequest().getPathInfo()).forEach(l -> settings.addLink(l.rel(), l.href()));
    }

    /** A link in the document's head. */
    record Link(String rel, String href) {
    }

    /** uPlot as the review's scripts import it (js/review-timeline.js). */
    static final String UPLOT = "/webjars/uplot/1.6.30/dist/uPlot";

    /**
     * The links a document opened at {@code path} carries: for a review record ({@code /review/...}) its view's two
     * scripts and uPlot as module preloads and uPlot's style sheet, so that the browser fetches them beside Vaadin's
     * bundle instead of one after the other once the view has been built (docs/performance.md, the review timeline).
     */
    static List<Link> preloads(String path) {
        if (path == null || !path.startsWith("/" + Routes.REVIEW + "/")) {
            return List.of();
        }
        return List.of(new Link("modulepreload", "/js/review-timeline.js"), new Link("modulepreload", "/js/review-waveform.js"),
                new Link("modulepreload", UPLOT + ".esm.js"), new Link("stylesheet", UPLOT + ".min.css"));
    }
}
