package org.openinfusion.dashboard.bed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.security.Permission;

/**
 * The bedside view of one bed for nurses, designed for a 1280x800 bedside screen and a 1024x768 tablet with nothing
 * scrolled at any step of a session: alarm banner on top; left the monitor (waveforms with their numbers, NIBP, RR)
 * and under it the one-tap markers in one row; right the session's next steps, the rating due (or the next one with
 * its countdown), the infusion against its plan, and the secondary lists (ratings, alarm events, notes, discharge
 * check) in tabs below them, each list in compact rows showing the latest entries that fit (the whole record is in
 * review). A refusal shows in the side column, never over the waveforms. Talks to the station only over
 * the event bus.
 */
@Route(Routes.BED)
@PageTitle("Bed - Infusion station")
public class BedView extends Div implements BeforeEnterObserver, Actions {
    static final long WAVE_MILLIS = 80;
    static final long NUMERIC_MILLIS = 500;
    static final long VIEW_MILLIS = 1000;

    private final Clock clock = Clock.systemUTC();
    private final BedHeader header = new BedHeader();
    private final AlarmPanel alarms = new AlarmPanel(this);
    private final MonitorPanel monitor = new MonitorPanel();
    private final InfusionPanel infusion = new InfusionPanel();
    private final SessionPanel session = new SessionPanel(this, clock::instant);
    private final StartSessionForm start = new StartSessionForm(this);
    private final MarkerBar markers = new MarkerBar(this);
    private final Cues cues = new Cues();
    private final Div message = new Div();
    private final Span messageText = new Span();
    private final SideTabs tabs = new SideTabs();
    private final SafetyPanel safety = new SafetyPanel(this, clock::instant);
    private final PromptPanel prompts;
    private final RatingLauncher ratings;
    private final HandOver handOver;
    private String bed;
    private StationUser user;
    private SessionClient client;
    private WaveFeed waveFeed;
    private AlarmFeed alarmFeed;
    private List<Long> timers = List.of();
    private Optional<SessionView> current = Optional.empty();
    private Instant shownAsOf = Instant.MIN;

    public BedView() {
        addClassName("bed-view");
        ratings = new RatingLauncher(this, DashboardServices.get().instruments(), clock);
        handOver = new HandOver(DashboardServices.get().instruments(), this, () -> client);
        prompts = new PromptPanel(ratings::rate, ratings::correct, handOver);
        message.setId("refusal");
        message.addClassName("bed-message");
        message.getElement().setAttribute("role", "alert");
        Button dismiss = new Button(Text.get("bed.dismiss"), e -> message.setVisible(false));
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        message.add(messageText, dismiss);
        message.setVisible(false);
        tabs.add(Text.get("bed.tabRatings"), "ratings", prompts.list());
        tabs.add(Text.get("bed.tabEvents"), "events", alarms.history());
        tabs.add(Text.get("bed.tabNotes"), "notes", markers.notes());
        tabs.add(Text.get("bed.tabDischarge"), "discharge", session.discharge());
        tabs.add(Text.get("bed.tabSafety"), "safety", safety);
        // the one-tap markers in one row under the traces (the monitor keeps its height); the side column holds the
        // steps, the rating due, the infusion and the tabs, so that the tabs' lists fit without scrolling at every step
        Div left = new Div(monitor, markers);
        left.addClassName("bed-left");
        Div side = new Div(message, session, start, prompts, infusion, tabs);
        side.addClassName("bed-side");
        Div main = new Div(left, side);
        main.addClassName("bed-main");
        Div banners = new Div(alarms, alarms.advice());
        banners.addClassName("bed-banners");
        add(header, banners, main);
        alarms.setVisible(false);
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
        waveFeed = new WaveFeed(vertx, bed);
        // an alarm change is shown as the station publishes it, not at the next request for the view
        alarmFeed = new AlarmFeed(ui, bed::equals, v -> show(Optional.of(v)));
        client.protocols(start::protocols, this::refuse);
        showNumerics();
        timers = List.of(
                vertx.setPeriodic(WAVE_MILLIS, id -> Push.access(ui, () -> monitor.push(waveFeed.drain()))),
                vertx.setPeriodic(NUMERIC_MILLIS, id -> Push.access(ui, this::showNumerics)),
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
        waveFeed.close();
        alarmFeed.close();
    }

    /** Whether the station's alarm changes reach this page (while it is attached to a signed-in browser session). */
    boolean alarmsStreaming() {
        return alarmFeed != null && alarmFeed.isOpen();
    }

    void refreshView() {
        client.view(bed, this::show, this::refuse);
    }

    void show(Optional<SessionView> view) {
        if (view.isPresent() && view.get().asOf().isBefore(shownAsOf)) {
            return; // an answer overtaken by a newer view (one pushed with an alarm change)
        }
        view.ifPresent(v -> shownAsOf = v.asOf());
        current = view.filter(v -> v.state() != SessionState.CLOSED);
        boolean open = current.isPresent();
        start.setVisible(!open);
        for (var c : List.of(session, infusion, prompts, markers, tabs)) {
            c.setVisible(open);
        }
        header.session(current);
        current.ifPresent(v -> {
            session.show(v);
            infusion.show(v);
            prompts.show(v);
            markers.show(v.markers(), v.asOf());
            cues.update(v);
            safety.show(v);
        });
        alarms.show(current.map(SessionView::activeAlarms).orElse(List.of()), current.map(SessionView::recentAlarms).orElse(List.of()),
                clock.instant());
        alarms.advise(current.map(SessionView::holdAdvisories).orElse(List.of()));
        showNumerics();
    }

    void showNumerics() {
        var state = LiveFeed.shared().bed(bed);
        monitor.show(state, current.map(SessionView::limits).orElse(List.of()), clock.instant());
        header.devices(state.devices(), state::deviceName);
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
        client.send(command, reply -> {
            message.setVisible(false);
            show(Optional.of(reply.view()));
        }, this::refuse);
    }

    @Override
    public void send(SessionCommand command, Consumer<String> refused) {
        client.send(command, reply -> {
            message.setVisible(false);
            show(Optional.of(reply.view()));
        }, refused);
    }

    void send(SessionCommand command, Consumer<CommandReply> then, Consumer<String> refused) {
        client.send(command, reply -> {
            show(Optional.of(reply.view()));
            then.accept(reply);
        }, refused);
    }

    @Override
    public void fresh(Consumer<SessionView> then) {
        client.view(bed, view -> {
            show(view);
            view.filter(v -> v.state() != SessionState.CLOSED).ifPresent(then);
        }, this::refuse);
    }

    /** Shows why something could not be done, in the side column (never over the waveforms) until dismissed. */
    @Override
    public void refuse(String why) {
        messageText.setText(why);
        message.setVisible(true);
    }

    /** Opens emergency unblinding for this bed's session (the button is shown only to roles allowed to unblind). */
    void unblind() {
        new UnblindDialog(user.id(), bed, client::unblind).open();
    }

    MonitorPanel monitor() {
        return monitor;
    }
}
