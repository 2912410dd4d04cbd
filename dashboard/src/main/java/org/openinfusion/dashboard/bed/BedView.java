package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.live.LiveFeed;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.station.security.Permission;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;

/**
 * The bedside view of one bed for nurses: alarms, waveforms, large numerics, the infusion against its plan, rating
 * prompts and forms, event markers and the session's steps. Talks to the station only over the event bus.
 */
@Route("bed/:bedId")
@PageTitle("Bed - Infusion station")
public class BedView extends Div implements BeforeEnterObserver, Actions {
    static final long WAVE_MILLIS = 80;
    static final long NUMERIC_MILLIS = 500;
    static final long VIEW_MILLIS = 1000;

    private final Clock clock = Clock.systemUTC();
    private final BedHeader header = new BedHeader();
    private final AlarmPanel alarms = new AlarmPanel(this);
    private final WaveformPanel waves = new WaveformPanel();
    private final NumericsPanel numerics = new NumericsPanel();
    private final InfusionPanel infusion = new InfusionPanel();
    private final SessionPanel session = new SessionPanel(this);
    private final StartSessionForm start = new StartSessionForm(this);
    private final MarkerBar markers = new MarkerBar(this);
    private final Cues cues = new Cues();
    private final PromptPanel prompts;
    private final RatingLauncher ratings;
    private String bed;
    private StationUser user;
    private SessionClient client;
    private LiveFeed liveFeed;
    private WaveFeed waveFeed;
    private List<Long> timers = List.of();
    private Optional<SessionView> current = Optional.empty();

    public BedView() {
        addClassName("bed-view");
        ratings = new RatingLauncher(this, DashboardServices.get().instruments(), clock);
        prompts = new PromptPanel(ratings::rate, ratings::correct);
        Div left = new Div(waves, numerics);
        left.addClassName("bed-monitor");
        Div right = new Div(session, start, infusion, prompts, markers);
        right.addClassName("bed-side");
        Div main = new Div(left, right);
        main.addClassName("bed-main");
        add(header, alarms, main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.BEDSIDE_VIEW);
        bed = event.getRouteParameters().get("bedId").orElse("");
        user = CurrentUser.get().orElse(null);
        header.show(bed, user);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (user == null) {
            return;
        }
        Vertx vertx = DashboardServices.get().vertx();
        UI ui = event.getUI();
        cues.attach(ui);
        client = new SessionClient(vertx, ui);
        liveFeed = new LiveFeed(vertx);
        waveFeed = new WaveFeed(vertx, bed);
        client.protocols(start::protocols, this::refuse);
        timers = List.of(
                vertx.setPeriodic(WAVE_MILLIS, id -> access(ui, () -> waves.push(waveFeed.drain()))),
                vertx.setPeriodic(NUMERIC_MILLIS, id -> access(ui, this::showNumerics)),
                vertx.setPeriodic(VIEW_MILLIS, id -> refreshView()));
        refreshView();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (client == null) {
            return;
        }
        Vertx vertx = DashboardServices.get().vertx();
        timers.forEach(vertx::cancelTimer);
        liveFeed.close();
        waveFeed.close();
    }

    private static void access(UI ui, Runnable r) {
        try {
            ui.access(r::run);
        } catch (com.vaadin.flow.component.UIDetachedException closed) {
            // the page is gone; its timers are being cancelled
        }
    }

    void refreshView() {
        client.view(bed, this::show, this::refuse);
    }

    void show(Optional<SessionView> view) {
        current = view.filter(v -> v.state() != org.openinfusion.station.clinical.session.SessionState.CLOSED);
        boolean open = current.isPresent();
        start.setVisible(!open);
        for (var c : List.of(session, infusion, prompts, markers)) {
            c.setVisible(open);
        }
        current.ifPresent(v -> {
            session.show(v);
            infusion.show(v);
            prompts.show(v);
            markers.show(v.markers());
            cues.update(v);
        });
        alarms.show(current.map(SessionView::activeAlarms).orElse(List.of()), current.map(SessionView::recentAlarms).orElse(List.of()),
                clock.instant());
        showNumerics();
    }

    void showNumerics() {
        numerics.show(liveFeed.bed(bed), current.map(SessionView::limits).orElse(List.of()), clock.instant());
        header.devices(liveFeed.bed(bed).devices());
    }

    @Override
    public String user() {
        return user.id();
    }

    StationUser stationUser() {
        return user;
    }

    @Override
    public String bed() {
        return bed;
    }

    @Override
    public void send(SessionCommand command) {
        client.send(command, reply -> show(Optional.of(reply.view())), this::refuse);
    }

    void send(SessionCommand command, java.util.function.Consumer<org.openinfusion.station.clinical.api.CommandReply> then,
              java.util.function.Consumer<String> refused) {
        client.send(command, reply -> {
            show(Optional.of(reply.view()));
            then.accept(reply);
        }, refused);
    }

    @Override
    public void refuse(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("refusal");
    }

    WaveformPanel waves() {
        return waves;
    }
}
