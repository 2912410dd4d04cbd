package org.openinfusion.dashboard.review;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.openinfusion.dashboard.Routes;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.dashboard.users.Access;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.SignOutButton;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.ReviewFilter.RecordState;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.clinical.review.SessionRecord;
import org.openinfusion.station.security.Permission;

/**
 * One session's record for the physician: who and what, signatures and amendments, the summary, one zoomable
 * timeline (vitals, NIBP, infusion against plan, rating totals, events) with the ECG around any alarm or marker, the
 * ratings with their items, and the actions: sign, amend (closed records), export.
 */
@Route("review/:" + ReviewRecordView.SESSION_ID)
@PageTitle("Record - Infusion station")
@StyleSheet("styles/review.css")
public class ReviewRecordView extends Div implements BeforeEnterObserver {
    static final String SESSION_ID = "sessionId";
    /**
     * How long opening a record waits for the station within the page's request: a 4-hour record opens in 0.13 s
     * (p50; 0.31 s p95) on the bus, docs/performance.md.
     */
    static final Duration FIRST_RESPONSE_WAIT = Duration.ofSeconds(1);

    private final InstrumentCatalog instruments = DashboardServices.get().instruments();
    private final Function<String, String> instrumentLabel = this::instrumentLabel;
    private final RecordHeader header = new RecordHeader();
    private final SummaryPanel summary = new SummaryPanel();
    private final Timeline timeline = new Timeline(instrumentLabel, this::eventClicked,
            (request, done) -> this.client.trends(request, done, Refusals::show));
    private final EventsGrid events = new EventsGrid(this::openWaveform);
    private final RatingsPanel ratings = new RatingsPanel(instrumentLabel);
    private final Button sign = new Button(Text.get("review.sign.open"));
    private final Button amend = new Button(Text.get("review.amend.open"));
    private final Span loading = new Span(Text.get("review.record.loading"));
    private final Div content = new Div();
    private final Div main = new Div(timeline);
    /** The record whose events list and ratings wait for its timeline to be drawn, if any. */
    private SessionRecord below;
    /** The address the record was opened by: its short address or (made before) its session id. */
    private String address;
    private String sessionId;
    private volatile ReviewClient client;
    /** The waveform dialog, made on the first click on an event. */
    private WaveformDialog waveform;
    /** The waveform windows of the record's alarms and markers, asked for before they are clicked. */
    private WaveformCache windows;
    /** The alarms' and markers' moments of the record last shown, asked for once its timeline is drawn. */
    private List<Instant> toPrefetch = List.of();
    private SessionRecord record;
    private final Span crumb = new Span();

    public ReviewRecordView() {
        addClassName("review-view");
        ExportMenu export = new ExportMenu("record-export", Text.get("review.export"), () -> client,
                f -> new ReviewRequest.Export(sessionId, ReviewFilter.ALL, f));
        sign.setId("sign-open");
        sign.addClickListener(e -> openSign());
        amend.setId("amend-open");
        amend.addClickListener(e -> openAmend());
        RouterLink back = new RouterLink(Text.get("review.list.title"), ReviewListView.class);
        back.setId("back-to-list");
        crumb.setId("record-crumb");
        Div crumbs = new Div(back, new Span(" / "), crumb);
        crumbs.addClassName("breadcrumbs");
        Div actions = new Div(crumbs, sign, amend, export, new SignOutButton());
        actions.addClassName("record-actions");
        loading.setId("record-loading");
        // the events list beside (or below) the timeline and the ratings below it join the page once the timeline is drawn
        // (showBelow): the page's first answer carries the header, the summary and the timeline only
        main.addClassName("record-main");
        content.add(header, summary, new H2(Text.get("review.timeline.title")), main);
        content.setVisible(false);
        add(actions, loading, content);
        timeline.onDrawn(this::timelineDrawn);
        // the pointer resting on an alarm or marker line: its windows are asked for next
        timeline.getElement().addEventListener("event-hover", e -> eventHovered(e.getEventDetail(Timeline.Clicked.class).index()))
                .addEventDetail(Timeline.Clicked.class);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Access.require(event, Permission.REVIEW_READ);
        String asked = event.getRouteParameters().get(SESSION_ID).orElse("");
        if (asked.equals(address)) {
            return; // the address bar was set to this record's short address
        }
        address = asked;
        sessionId = RecordRef.parse(address).isPresent() ? null : address;
        if (client != null) { // another record in this view (the router keeps the view between records)
            record = null;
            reload();
        }
    }

    /** The address the record is shown at (its short address once it has been opened). */
    String address() {
        return address;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!Access.allowed(Permission.REVIEW_READ)) {
            return;
        }
        // asked for early by ReviewScripts; Flow waits for them before it shows the view
        event.getUI().getPage().addJsModule(ReviewScripts.TIMELINE);
        event.getUI().getPage().addJsModule(ReviewScripts.WAVEFORM);
        client = new ReviewClient(DashboardServices.get().vertx(), event.getUI());
        reload();
    }

    /** The page closed or left: no more windows asked ahead for it. */
    @Override
    protected void onDetach(DetachEvent event) {
        if (windows != null) {
            windows.stop();
        }
    }

    /**
     * Opens the record: its short address ({@link RecordRef}, e.g. review/KET-101-2026-12-05) is first looked up among
     * the subject's sessions of that day; a session id (an address made before) is opened as it is. An answer within
     * {@link #FIRST_RESPONSE_WAIT} is shown in the response being written (when the page opens, its first one), so the
     * timeline comes with the page instead of a push message one round trip later; a slower one is shown when it comes.
     */
    void reload() {
        Future<SessionRecord> answer;
        if (sessionId != null) {
            answer = client.open(sessionId);
        } else {
            RecordRef.Parsed ref = RecordRef.parse(address).orElseThrow();
            String notFound = Text.get("review.record.notFound", address);
            answer = client.list(new ReviewRequest.ListSessions(ref.filter())).compose(found -> RecordRef.resolve(ref, found.sessions())
                    .map(client::open)
                    .orElseGet(() -> Future.failedFuture(notFound)));
        }
        ReviewClient.within(answer, FIRST_RESPONSE_WAIT).ifPresentOrElse(this::show, () -> client.deliver(answer, this::show, this::failed));
    }

    private void failed(String message) {
        loading.setText(message);
        loading.setVisible(true);
        content.setVisible(false);
        Refusals.show(message);
    }

    /** The address bar shows the record's short address, also when it was opened by its session id. */
    private void showShortAddress(SessionRecord r) {
        client.list(new ReviewRequest.ListSessions(RecordRef.sameDay(r.listing())), found -> {
            String ref = RecordRef.of(r.listing(), found.sessions());
            if (!ref.equals(address)) {
                address = ref;
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, Routes.REVIEW + "/" + ref));
            }
        }, message -> { });
    }

    /** Shows a record as the station sent it (after opening, signing or amending); under the UI lock. */
    void show(SessionRecord r) {
        if (record == null) { // a record newly opened in this view: its own waveform windows and dialog
            sessionId = r.listing().sessionId(); // known now also when it was opened by its short address
            showShortAddress(r);
            windows = new WaveformCache(() -> client, sessionId, Duration.ofSeconds(WaveformDialog.SECONDS));
            if (waveform != null) {
                remove(waveform);
                waveform = null;
            }
        }
        record = r;
        crumb.setText(r.listing().subjectCode());
        loading.setVisible(false);
        content.setVisible(true);
        header.show(r);
        summary.show(r.summary());
        timeline.show(r);
        if (events.getParent().isPresent()) {
            showBelow(r); // a record shown again (signed, amended, another record in this view)
        } else {
            below = r; // a record newly shown in this page: with its drawn timeline
        }
        boolean closed = r.listing().state() != RecordState.OPEN;
        sign.setEnabled(closed);
        amend.setEnabled(closed);
        // the ECG and pleth around each alarm and marker, asked for one after the other before any is clicked, once the
        // browser has drawn the timeline (asked earlier, the station's and InfluxDB's work competed with the page's start
        // for the machine: docs/performance.md, "Review")
        toPrefetch = r.events().stream().filter(e -> TimelineData.WITH_WAVEFORM.contains(e.category()))
                .map(TimelineEvent::at).distinct().toList();
    }

    /**
     * The record's events list and ratings. A page's first record sends them one round trip after the timeline (when
     * the browser reports it drawn), so that the page's first answer, which the browser applies in one task before it
     * draws anything, holds no grid and no rating tables (docs/performance.md, "Review", session 12).
     */
    private void showBelow(SessionRecord r) {
        below = null;
        if (events.getParent().isEmpty()) {
            main.add(events);
            content.add(ratings);
        }
        events.show(r.events(), TimelineData.zero(r));
        ratings.show(r.ratings(), TimelineData.zero(r));
    }

    private void timelineDrawn() {
        if (below != null) {
            showBelow(below);
        }
        if (windows != null && !toPrefetch.isEmpty()) {
            windows.prefetch(toPrefetch);
            toPrefetch = List.of();
        }
    }

    private void openSign() {
        CurrentUser.get().ifPresent(u -> new SignDialog(client, sessionId, record.lastSeq(), u,
                !CurrentUser.signedBefore(), this::show).open());
    }

    private void openAmend() {
        new AmendDialog(client, record, instruments, instrumentLabel, this::show).open();
    }

    private void eventClicked(int index) {
        if (record != null && index >= 0 && index < record.events().size()) {
            openWaveform(record.events().get(index));
        }
    }

    private void eventHovered(int index) {
        if (record != null && index >= 0 && index < record.events().size()) {
            windows.prefer(record.events().get(index).at());
        }
    }

    void openWaveform(TimelineEvent e) {
        String when = ReviewFormat.timeWithZone(e.at()) + " (" + ReviewFormat.fromStart(e.at(), TimelineData.zero(record)) + ")";
        if (waveform == null) {
            waveform = new WaveformDialog(() -> client, sessionId, windows);
            // kept in the view (closed between clicks): the browser keeps its elements
            add(waveform);
        }
        waveform.show(e, when);
    }

    private String instrumentLabel(String id) {
        try {
            return instruments.get(id).label();
        } catch (RuntimeException unknown) {
            return id;
        }
    }

    Timeline timeline() {
        return timeline;
    }

    /** The page's waveform windows, for tests. */
    WaveformCache windows() {
        return windows;
    }
}
