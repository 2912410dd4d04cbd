package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.station.security.Permission;

/**
 * The record page's scripts (the timeline's module, which imports uPlot, and the waveform's) asked for while the server
 * still builds the page, not after: a page opened at a record's address starts loading them when its first request (Flow's
 * init, before the route's navigation) is answered, and the review list asks for them once it is shown, before a record
 * is clicked. Flow asks for the same modules again with the view ({@link ReviewRecordView}, {@code addJsModule}) and
 * the browser answers from the modules it has. Asked from the page's document instead (preloads), they competed with
 * Vaadin's bundle and the page became slower (docs/performance.md, session 10). Registered through META-INF/services.
 */
public final class ReviewScripts implements VaadinServiceInitListener {
    static final String TIMELINE = "/js/review-timeline.js";
    static final String WAVEFORM = "/js/review-waveform.js";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            String location = request == null ? null : request.getParameter("location");
            if (location != null && location.startsWith(Routes.REVIEW + "/")) {
                askEarly(e.getUI());
            }
        });
    }

    /** Starts loading the record page's modules without waiting for them (the page goes on meanwhile). */
    static void askEarly(UI ui) {
        if (Access.allowed(Permission.REVIEW_READ)) {
            ui.getPage().executeJs("import($0); import($1);", TIMELINE, WAVEFORM);
        }
    }
}
