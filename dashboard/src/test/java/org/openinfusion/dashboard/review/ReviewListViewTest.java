package org.openinfusion.dashboard.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import com.vaadin.flow.component.html.Anchor;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openinfusion.dashboard.SiteDates;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.bus.VisitVerticle;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.TempFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.login.NotPermittedView;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewFilter.RecordState;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.security.Role;

/** The physician's session list without a browser, against a faked review station on a real event bus. */
class ReviewListViewTest {
    private KaribuStation station;
    private FakeReviewStation review;

    private static final ZoneId SITE_ZONE = ZoneId.of("Europe/Berlin");

    @BeforeEach
    void start() throws Exception {
        Text.zone(SITE_ZONE); // the site's zone (site.timeZone): review writes times in it, not in UTC
        station = new KaribuStation();
        review = new FakeReviewStation(station.vertx);
    }

    @AfterEach
    void stop() throws Exception {
        Text.zone(ZoneId.systemDefault());
        station.close();
    }

    private ReviewListView openAsPhysician() {
        station.signIn("doc", Role.PHYSICIAN);
        UI.getCurrent().navigate("review");
        ReviewListView view = (ReviewListView) UI.getCurrent().getCurrentView();
        KaribuStation.until(() -> GridKt._size(view.grid()) == 2);
        return view;
    }

    @Test
    void listsSessionsWithTheirSignatureStatusAndANeedsSignatureBadge() {
        ReviewListView view = openAsPhysician();
        assertEquals("No rating visit has been held yet.", view.visits().getEmptyStateText(), "an empty visits list says so");

        List<String> unsigned = GridKt._getFormattedRow(view.grid(), 0);
        List<String> signed = GridKt._getFormattedRow(view.grid(), 1);
        assertEquals("KET-014", unsigned.get(0));
        // the protocol by its file's title, never its id
        assertEquals(CannedRecords.TITLE + " (version 2)", unsigned.get(1));
        assertEquals("bed-01", unsigned.get(2));
        assertEquals("2026-11-22 11:00 CET", unsigned.get(3));
        assertEquals("Closed", unsigned.get(5));
        assertEquals("Not signed", unsigned.get(6));
        assertEquals("Approved by Dr A Ng 2026-11-22 15:03 CET", signed.get(6));
        assertEquals("Signed", signed.get(5));
        assertEquals("2 sessions, 1 needing a signature", _get(Span.class, s -> s.withId("sessions-count")).getText());
        assertEquals(new ReviewFilter(null, null, null, null, null, false, Text.zone()), review.requests(ReviewRequest.ListSessions.class).getFirst().filter());
        assertTrue(review.tokens.stream().allMatch(t -> !t.equals("null")), "every request carries the sign-in token");
    }

    @Test
    void anEmptyListSaysSoInItsCountAndInTheGridNeverOneSession() {
        review.listing = List.of();
        station.signIn("doc", Role.PHYSICIAN);
        UI.getCurrent().navigate("review");
        ReviewListView view = (ReviewListView) UI.getCurrent().getCurrentView();
        // the count's choice pattern once started at 1#: no session at all read "1 session" over an empty grid (session 13)
        KaribuStation.until(() -> _get(Span.class, s -> s.withId("sessions-count")).getText().equals("0 sessions, 0 needing a signature"));
        assertEquals(0, GridKt._size(view.grid()));
        assertEquals("No session has been recorded on this station yet.", view.grid().getEmptyStateText());
        _get(TextField.class, s -> s.withId("filter-subject")).setValue("KET-9");
        KaribuStation.until(() -> "No session matches these filters.".equals(view.grid().getEmptyStateText()));
        review.listing = List.of(CannedRecords.unsigned());
        _get(TextField.class, s -> s.withId("filter-subject")).setValue("KET-0");
        KaribuStation.until(() -> _get(Span.class, s -> s.withId("sessions-count")).getText().equals("1 session, 1 needing a signature"));
        assertEquals(1, GridKt._size(view.grid()));
    }

    @Test
    void aFewVisitsShowAllTheirRowsAndMoreShareThePagesHeight() {
        ReviewListView view = openAsPhysician();
        ReviewListView.VisitRow row = new ReviewListView.VisitRow("KET-060", "p", "Protocol", "Screening", "2026-12-05", "Done", "Not signed", "v-1");
        view.showVisits(Collections.nCopies(ReviewListView.VISITS_ALL_ROWS, row));
        assertTrue(view.visits().isAllRowsVisible() && !view.visits().hasClassName("fill"));
        view.showVisits(Collections.nCopies(ReviewListView.VISITS_ALL_ROWS + 1, row));
        assertTrue(!view.visits().isAllRowsVisible() && view.visits().hasClassName("fill"), "more rows scroll inside a grid that fills the room");
    }

    @Test
    @SuppressWarnings("unchecked")
    void sendsTheFiltersToTheStation() {
        openAsPhysician();
        Select<String> protocol = _get(Select.class, s -> s.withId("filter-protocol"));
        assertEquals(CannedRecords.TITLE, protocol.getItemLabelGenerator().apply("ketamine-iv-40min"), "the filter names protocols by title");
        protocol.setValue("ketamine-iv-40min");
        _get(DatePicker.class, s -> s.withId("filter-from")).setValue(LocalDate.of(2026, 11, 1));
        _get(DatePicker.class, s -> s.withId("filter-to")).setValue(LocalDate.of(2026, 11, 30));
        _get(TextField.class, s -> s.withId("filter-subject")).setValue(" KET-01 ");
        ((Select<RecordState>) _get(Select.class, s -> s.withId("filter-state"))).setValue(RecordState.CLOSED);
        _get(Checkbox.class, s -> s.withId("filter-needs-signature")).setValue(true);

        ReviewFilter expected = new ReviewFilter("ketamine-iv-40min", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "KET-01",
                RecordState.CLOSED, true, Text.zone()); // days in the site's zone, as the list shows its times
        KaribuStation.until(() -> review.requests(ReviewRequest.ListSessions.class).getLast().filter().equals(expected));
    }

    @Test
    void clickingARowOpensTheRecord() {
        ReviewListView view = openAsPhysician();

        GridKt._clickItem(view.grid(), 0, 0, false, false, false, false);

        ReviewRecordView record = assertInstanceOf(ReviewRecordView.class, UI.getCurrent().getCurrentView());
        assertEquals("review/s-1", UI.getCurrent().getInternals().getActiveViewLocation().getPath());
        KaribuStation.until(() -> _get(H1.class, s -> s.withId("record-subject")).getText().equals("KET-014"));
        assertTrue(record.isAttached());
    }

    @Test
    void bulkExportDownloadsTheStationsFileForTheListedSessions() throws Exception {
        ReviewListView view = openAsPhysician();
        _get(Checkbox.class, s -> s.withId("filter-needs-signature")).setValue(true);
        ReviewFilter needing = new ReviewFilter(null, null, null, null, null, true, Text.zone());
        ExportMenu menu = _get(ExportMenu.class, s -> s.withId("bulk-export"));

        Downloads.Received got = Downloads.fetch(menu.download(ExportFormat.REDCAP_IMPORT), menu);

        ReviewRequest.Export asked = review.requests(ReviewRequest.Export.class).getLast();
        assertNull(asked.sessionId());
        assertEquals(needing, asked.filter());
        assertEquals(ExportFormat.REDCAP_IMPORT, asked.format());
        assertArrayEquals(FakeReviewStation.exported(asked), got.body());
        assertTrue(got.headers().get("Content-Disposition").contains("study-redcap-import.csv"), got.headers().toString());
        assertTrue(view.isAttached());
    }

    @Test
    void anExportTakingLongerThanAnOrdinaryRequestStillDownloads() throws Exception {
        openAsPhysician();
        review.exportDelay = Duration.ofMillis(CurrentUser.TIMEOUT_MILLIS + 1500); // a study-wide export of many records
        ExportMenu menu = _get(ExportMenu.class, s -> s.withId("bulk-export"));

        Downloads.Received got = Downloads.fetch(menu.download(ExportFormat.REDCAP_IMPORT), menu);

        assertEquals(200, got.status(), "an export waits for the station longer than an ordinary request");
        assertArrayEquals(FakeReviewStation.exported(review.requests(ReviewRequest.Export.class).getLast()), got.body());
        assertTrue(ReviewClient.EXPORT_TIMEOUT.toMillis() > CurrentUser.TIMEOUT_MILLIS);
    }

    @Test
    void aNurseIsToldTheReviewIsNotPermitted() {
        station.signIn("nurse1", Role.NURSE);
        UI.getCurrent().navigate("review");

        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
        UI.getCurrent().navigate("review/s-1");
        assertInstanceOf(NotPermittedView.class, UI.getCurrent().getCurrentView());
        assertTrue(review.requests.isEmpty(), "nothing was asked of the station");
    }

    @Test
    void theRatingVisitsAreListedBesideTheSessionsAndOneClickOpensAVisitAndTheSubjectTimelineIsLinked() throws Exception {
        Path dir = Files.createTempDirectory("review-visits-");
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, Clock.systemUTC())) {
            // the real visit worker over a real audit file: a subject screened today, a visit completed
            VisitService service = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log),
                    AuditFileTrail.reader(file), Clock.systemUTC(), Text.zone());
            station.vertx.deployVerticle(new VisitVerticle(service, new BusGuard(station.signIns, AuditFileTrail.of(log))),
                    new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String williams = "ketamine-naltrexone-crossover";
            service.handle("nurse1", new VisitCommand.Enrol("KET-060", williams, service.today()));
            String visit = service.handle("nurse1", new VisitCommand.StartVisit("KET-060", williams, "screening", 1)).visitSessionId();
            Map<String, Answer> answers = new LinkedHashMap<>();
            InstrumentCatalog.builtIn().get("hamd17").items().forEach(x -> answers.put(x.id(), Answer.score(1)));
            Instant now = Instant.now();
            service.handle("nurse1", new VisitCommand.RecordRating(visit, new Rating("r-1", "hamd17", null, "screening", "nurse", "nurse1",
                    now.minusSeconds(60), now, answers, null)));
            service.handle("nurse1", new VisitCommand.Complete(visit));

            ReviewListView view = openAsPhysician();
            KaribuStation.until(() -> GridKt._size(view.visits()) == 1);
            List<String> row = GridKt._getFormattedRow(view.visits(), 0);
            assertEquals("Ketamine 0.5 mg/kg IV over 40 min after naltrexone 50 mg or placebo PO (double-blind crossover)", row.get(1),
                    "the protocol by its title");
            assertEquals("Screening", row.get(2));
            assertEquals(SiteDates.FORMAT.format(service.today()), row.get(3));
            assertEquals("Done", row.get(4), "the clinic list's words");
            Anchor subject = (Anchor) GridKt._getCellComponent(view.visits(), 0, "subject");
            assertEquals("KET-060", subject.getText());
            assertEquals("subject/" + williams + "/KET-060", subject.getHref(), "the subject's timeline across visits");

            GridKt._clickItem(view.visits(), 0, 0, false, false, false, false);
            assertEquals("visit/" + visit, UI.getCurrent().getInternals().getActiveViewLocation().getPath());
        } finally {
            TempFolders.deleteTree(dir);
        }
    }
}
