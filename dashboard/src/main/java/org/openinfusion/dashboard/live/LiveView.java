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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.station.security.Permission;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.health.HealthSnapshot;

/**
 * All beds at a glance: live numerics of every bed, refreshed twice a second by server push, each with a link to
 * its bedside view ({@code bed/:bedId}).
 */
@Route("")
@PageTitle("Live values - Infusion station")
public class LiveView extends VerticalLayout implements BeforeEnterObserver {
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
        add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(title, new SignOutButton()), status, bedsArea);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.BEDSIDE_VIEW);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (CurrentUser.get().isEmpty()) {
            return;
        }
        var vertx = DashboardServices.get().vertx();
        feed = new LiveFeed(vertx);
        UI ui = event.getUI();
        timerId = vertx.setPeriodic(REFRESH_MILLIS, id -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (feed == null) {
            return;
        }
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
