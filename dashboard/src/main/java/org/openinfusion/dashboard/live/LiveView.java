package org.openinfusion.dashboard.live;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.station.health.HealthSnapshot;

/**
 * First slice of the bedside dashboard: live numerics of every bed, refreshed twice a second by
 * server push. The full bedside view (waveforms, infusion, ratings) comes later.
 */
@Route("")
@PageTitle("Live values - Infusion station")
public class LiveView extends VerticalLayout {
    static final long REFRESH_MILLIS = 500;

    private final Div bedsArea = new Div();
    private final Span status = new Span("Waiting for data...");
    private final Map<String, BedCard> cards = new HashMap<>();
    private final Clock clock;
    private LiveFeed feed;
    private long timerId = -1;

    public LiveView() {
        this(Clock.systemUTC());
    }

    LiveView(Clock clock) {
        this.clock = clock;
        setPadding(true);
        H1 title = new H1("Live values");
        status.setId("station-status");
        status.addClassName("station-status");
        bedsArea.addClassName("beds");
        add(title, status, bedsArea);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var vertx = DashboardServices.get().vertx();
        feed = new LiveFeed(vertx);
        UI ui = event.getUI();
        timerId = vertx.setPeriodic(REFRESH_MILLIS, id -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        DashboardServices.get().vertx().cancelTimer(timerId);
        feed.close();
    }

    /** Draws the latest values; runs under the UI lock. */
    void refresh() {
        feed.beds().forEach((bedId, state) -> cards.computeIfAbsent(bedId, id -> {
            BedCard card = new BedCard(id);
            bedsArea.add(card);
            return card;
        }).show(state, clock.instant()));
        HealthSnapshot h = feed.health();
        if (h != null) {
            status.setText(String.format("Broker %s - storage %s - buffer %.1f%% full",
                    h.brokerConnected() ? "connected" : "DISCONNECTED", h.storeReachable() ? "up" : "UNREACHABLE",
                    100 * h.bufferFill()));
            status.getElement().setAttribute("data-healthy", String.valueOf(h.healthy()));
        }
    }
}
