package org.openinfusion.dashboard.live;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.feed.AlarmFeed;
import org.openinfusion.dashboard.feed.Cues;
import org.openinfusion.dashboard.feed.LiveFeed;
import org.openinfusion.dashboard.feed.Push;
import org.openinfusion.dashboard.feed.SessionClient;
import org.openinfusion.dashboard.feed.WaveFeed;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.station.security.Permission;

/**
 * The overview for the nurse who watches several beds (the "central station"): one card per bed with its session,
 * live numbers, alarm, next rating and a mini trace, refreshed twice a second by server push; the session of each bed
 * is asked from the station every second, and a bed's card changes at once when the station publishes a change of its
 * alarms. A tap on a card opens that bed ({@code bed/:bedId}). Alarms sound here too.
 */
@Route(Routes.BEDS)
@PageTitle("All beds - Infusion station")
public class LiveView extends Div implements BeforeEnterObserver {
    static final long REFRESH_MILLIS = 500;
    static final long VIEW_MILLIS = 1000;
    static final long WAVE_MILLIS = 120;

    private final Div bedsArea = new Div();
    private final Span status = new Span(Text.get("overview.waiting"));
    private final Map<String, BedCard> cards = new TreeMap<>();
    private final Map<String, Optional<SessionView>> sessions = new ConcurrentHashMap<>();
    private final Cues cues = new Cues();
    private final Clock clock;
    private LiveFeed feed;
    private SessionClient client;
    private WaveFeed waves;
    private AlarmFeed alarmFeed;
    private List<Long> timers = List.of();

    public LiveView() {
        this(Clock.systemUTC());
    }

    LiveView(Clock clock) {
        this.clock = clock;
        addClassName("overview");
        H1 title = new H1(Text.get("overview.title"));
        status.setId("station-status");
        status.addClassName("station-status");
        bedsArea.addClassName("beds");
        bedsArea.setId("beds");
        // the person's name, as the bed view and the review pages show it (never the account id)
        Span who = new Span(CurrentUser.get().map(u -> u.name() + " (" + Text.get("role." + u.role().key()) + ")").orElse(""));
        who.setId("signed-in");
        who.addClassName("signed-in");
        Div header = new Div(title, status, Routes.link(Text.get("clinic.title"), Routes.CLINIC), who, new SignOutButton());
        header.addClassName("overview-header");
        add(header, bedsArea);
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
        Vertx vertx = DashboardServices.get().vertx();
        feed = LiveFeed.shared();
        UI ui = event.getUI();
        cues.attach(ui);
        client = new SessionClient(vertx, ui);
        waves = new WaveFeed(vertx, c -> c.stream() == Stream.PLETH);
        alarmFeed = new AlarmFeed(ui, bed -> true, this::alarmsChanged);
        refresh();
        timers = List.of(
                vertx.setPeriodic(REFRESH_MILLIS, id -> Push.access(ui, this::refresh)),
                vertx.setPeriodic(VIEW_MILLIS, id -> Push.access(ui, this::askSessions)),
                vertx.setPeriodic(WAVE_MILLIS, id -> Push.access(ui, this::pushWaves)));
        askSessions();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (client == null) {
            return;
        }
        Vertx vertx = DashboardServices.get().vertx();
        timers.forEach(vertx::cancelTimer);
        waves.close();
        alarmFeed.close();
    }

    /** Whether the station's alarm changes reach this page (while it is attached to a signed-in browser session). */
    boolean alarmsStreaming() {
        return alarmFeed != null && alarmFeed.isOpen();
    }

    private void askSessions() {
        for (String bed : feed.beds().keySet()) {
            client.view(bed, v -> take(bed, v), why -> sessions.put(bed, Optional.empty()));
        }
    }

    /** A bed's alarms changed: its card shows it now. Runs under the UI lock. */
    private void alarmsChanged(SessionView v) {
        BedCard card = cards.get(v.bedId());
        if (take(v.bedId(), Optional.of(v)) && card != null) {
            card.show(feed.bed(v.bedId()), sessions.get(v.bedId()), clock.instant());
        }
    }

    /** Keeps {@code v} as the bed's session unless the one known is newer (an answer overtaken by a pushed change). */
    private boolean take(String bed, Optional<SessionView> v) {
        Optional<SessionView> known = sessions.getOrDefault(bed, Optional.empty());
        if (v.isPresent() && known.isPresent() && v.get().asOf().isBefore(known.get().asOf())) {
            return false;
        }
        Optional<SessionView> open = v.filter(s -> s.state() != SessionState.CLOSED);
        sessions.put(bed, open);
        open.ifPresent(cues::update);
        return true;
    }

    private void pushWaves() {
        waves.drain().forEach(c -> {
            BedCard card = cards.get(c.source().bedId());
            if (card != null) {
                card.trace().push(c);
            }
        });
    }

    /**
     * The station's health in the nurse's words: "Devices link connected - records saved"; the buffer's fill only
     * when records wait in it ("records kept on this station until storage answers (buffer 12.0 % full)"), never
     * "buffer 0.0 % full" on a healthy station.
     */
    static String healthLine(boolean brokerConnected, boolean storeReachable, double bufferFill) {
        String fill = String.format(Locale.ROOT, "%.1f", 100 * bufferFill);
        String records = !storeReachable ? Text.get("overview.storeDown", fill)
                : bufferFill >= 0.01 ? Text.get("overview.storeCatchingUp", fill) : Text.get("overview.storeUp");
        return Text.get("overview.health", Text.get(brokerConnected ? "overview.connected" : "overview.disconnected"), records);
    }

    /** Draws the latest values; runs under the UI lock. */
    void refresh() {
        feed.beds().forEach((bedId, state) -> cards.computeIfAbsent(bedId, id -> {
            BedCard card = new BedCard(id);
            // in the order of the beds' names (bed-01, bed-02, ...), whichever bed's data came first
            bedsArea.addComponentAtIndex((int) cards.keySet().stream().filter(k -> k.compareTo(id) < 0).count(), card);
            return card;
        }).show(state, sessions.getOrDefault(bedId, Optional.empty()), clock.instant()));
        HealthSnapshot h = feed.health();
        if (h != null) {
            status.setText(healthLine(h.brokerConnected(), h.storeReachable(), h.bufferFill()));
            status.getElement().setAttribute("data-healthy", String.valueOf(h.healthy()));
        }
    }
}
