package org.openinfusion.dashboard.visit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.Answer;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.review.ReviewListView;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.security.Role;

/** The clinic list and the rating-visit page without a browser, against the real visit worker and audit file. */
class ClinicViewTest {
    private static final String WILLIAMS = "ketamine-naltrexone-crossover";
    private static final ZoneId SITE_ZONE = ZoneId.of("Europe/Berlin");
    private VisitStation station;

    @BeforeEach
    void start() throws Exception {
        Text.zone(SITE_ZONE); // the site's zone (site.timeZone): the visit page writes its times in it, not in UTC
        station = new VisitStation(Instant.parse("2026-03-02T08:00:00Z"));
        station.signIn("nurse1", Role.NURSE);
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
        Text.zone(ZoneId.systemDefault());
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    private static void click(String id) {
        _click(_get(Button.class, s -> s.withId(id)));
    }

    private static ClinicView clinic() {
        return _get(ClinicView.class);
    }

    /** Each row of the clinic list: subject, visit, window, status. */
    private static List<String> rows() {
        List<String> out = new ArrayList<>();
        var grid = clinic().grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            ClinicDay.Row r = GridKt._get(grid, i);
            out.add(r.subject() + " | " + r.visit() + " | " + r.window() + " | " + r.status());
        }
        return out;
    }

    private static boolean hasAction(int row, String buttonClass) {
        return GridKt._getCellComponent(clinic().grid(), row, "actions").getChildren().anyMatch(c -> c.hasClassName(buttonClass));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEnrolDialogStartsWithTheFirstProtocolWithStudyVisitsNamedByItsTitleAndEnrolsInIt() throws Exception {
        UI.getCurrent().navigate("clinic");
        KaribuStation.until(() -> !text("clinic-count").isEmpty());
        click("clinic-enrol");
        RadioButtonGroup<ProtocolChoices.Choice> protocol = _get(RadioButtonGroup.class, s -> s.withId("enrol-protocol"));
        ProtocolChoices.Choice chosen = protocol.getValue();
        assertNotNull(chosen, "preselected");
        assertEquals(protocol.getListDataView().getItems().findFirst().orElseThrow(), chosen, "the first protocol with study visits");
        assertEquals(3, protocol.getListDataView().getItems().count(), "the three protocols with visits, each whole title on its own line");
        String shown = protocol.getItemLabelGenerator().apply(chosen);
        assertTrue(shown.startsWith("Ketamine 0.5 mg/kg IV over 40 min"), shown);
        assertFalse(shown.contains(chosen.id()), "a title, not the id: " + shown);
        assertEquals("d MMM yyyy", _get(DatePicker.class, s -> s.withId("enrol-consent")).getI18n().getDateFormats().getFirst());
        _get(TextField.class, s -> s.withId("enrol-subject")).setValue("KET-050");
        click("enrol-dialog-save");
        KaribuStation.until(() -> station.trail().entries().stream().anyMatch(e -> e.as(TrailEvent.SubjectEnrolled.class).isPresent()));
        TrailEvent.SubjectEnrolled enrolled = station.trail().entries().stream().flatMap(e -> e.as(TrailEvent.SubjectEnrolled.class).stream())
                .findFirst().orElseThrow();
        assertEquals("KET-050", enrolled.subject());
        assertEquals(chosen.id(), enrolled.protocolId());
        assertEquals(LocalDate.of(2026, 3, 2), enrolled.consentDay(), "the list's day");
    }

    @Test
    void aPhysicianSignsACompletedRatingVisitWithAnESignatureAndANurseCannot() throws Exception {
        station.send(new VisitCommand.Enrol("KET-044", WILLIAMS, LocalDate.of(2026, 3, 2)));
        String visit = station.send(new VisitCommand.StartVisit("KET-044", WILLIAMS, "screening", 1)).visitSessionId();
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(), Answer.score(Math.min(1, i.max()))));
        Instant at = Instant.parse("2026-03-02T08:30:00Z");
        station.send(new VisitCommand.RecordRating(visit, new Rating("r-44", "hamd17", null, "screening", "nurse", "nurse1", at.minusSeconds(600), at,
                answers, null)));
        station.send(new VisitCommand.Complete(visit));
        UI.getCurrent().navigate("visit/" + visit);
        KaribuStation.until(() -> !text("visit-title").isEmpty());
        assertEquals("Not signed yet.", text("visit-signatures"));
        assertEquals("None recorded.", text("visit-aes"), "a completed visit without adverse events says so");
        assertEquals("None recorded.", text("visit-vitals-done"), "nor a bare heading without vital signs");
        assertEquals("None recorded.", text("visit-notes"));
        assertTrue(_find(Button.class, s -> s.withId("visit-sign")).isEmpty(), "a nurse does not sign");

        station.signIn(VisitStation.PHYSICIAN, Role.PHYSICIAN);
        UI.getCurrent().navigate("clinic");
        UI.getCurrent().navigate("visit/" + visit);
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("visit-sign")).isEmpty());
        click("visit-sign");
        assertEquals("I have reviewed this visit record: ratings, vital signs, notes and adverse events.", text("visit-sign-statement"));
        _get(TextField.class, s -> s.withId("visit-sign-user-id")).setValue(VisitStation.PHYSICIAN);
        _get(PasswordField.class, s -> s.withId("visit-sign-password")).setValue("wrong");
        click("visit-sign-submit");
        KaribuStation.until(() -> !text("visit-sign-error").isEmpty());
        assertTrue(text("visit-sign-error").toLowerCase(Locale.ROOT).contains("password"), text("visit-sign-error"));
        _get(PasswordField.class, s -> s.withId("visit-sign-password")).setValue(VisitStation.PHYSICIAN_PASSWORD);
        click("visit-sign-submit");
        // named with the role as review names signers; the time in the site's zone (Europe/Berlin here), not UTC
        KaribuStation.until(() -> text("visit-signatures").startsWith("Reviewed by Dr. Ada Example"));
        assertEquals("Reviewed by Dr. Ada Example (physician), 2 Mar 2026 09:00 CET", text("visit-signatures"));
        List<Recorded> signed = station.trail().entries().stream().filter(e -> e.as(TrailEvent.RecordSigned.class).isPresent()).toList();
        assertEquals(1, signed.size());
        assertEquals(visit, signed.getFirst().session().value());
        assertEquals(VisitStation.PHYSICIAN, signed.getFirst().actor());
    }

    @Test
    void aSignatureIsRefusedWhenTheVisitChangedAfterThePageShowedIt() throws Exception {
        station.send(new VisitCommand.Enrol("KET-045", WILLIAMS, LocalDate.of(2026, 3, 2)));
        String visit = station.send(new VisitCommand.StartVisit("KET-045", WILLIAMS, "screening", 1)).visitSessionId();
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(), Answer.score(0)));
        Instant at = Instant.parse("2026-03-02T08:30:00Z");
        station.send(new VisitCommand.RecordRating(visit, new Rating("r-45", "hamd17", null, "screening", "nurse", "nurse1", at.minusSeconds(600), at,
                answers, null)));
        station.send(new VisitCommand.Complete(visit));
        station.signIn(VisitStation.PHYSICIAN, Role.PHYSICIAN);
        UI.getCurrent().navigate("visit/" + visit);
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("visit-sign")).isEmpty());
        // another physician amends the visit while this page shows the earlier version
        station.send(new VisitCommand.Amend(visit, "told by phone", new VisitCommand.AddNote(visit, "headache in the evening")));

        click("visit-sign");
        _get(TextField.class, s -> s.withId("visit-sign-user-id")).setValue(VisitStation.PHYSICIAN);
        _get(PasswordField.class, s -> s.withId("visit-sign-password")).setValue(VisitStation.PHYSICIAN_PASSWORD);
        click("visit-sign-submit");
        KaribuStation.until(() -> !text("visit-sign-error").isEmpty());
        assertTrue(text("visit-sign-error").contains("changed after you opened it"), text("visit-sign-error"));
        assertTrue(station.trail().entries().stream().noneMatch(e -> e.as(TrailEvent.RecordSigned.class).isPresent()), "nothing signed");
    }

    private static void rowAction(int row, String buttonClass) {
        Component cell = GridKt._getCellComponent(clinic().grid(), row, "actions");
        _click(cell.getChildren().filter(c -> c.hasClassName(buttonClass)).map(Button.class::cast).findFirst().orElseThrow());
    }

    @Test
    void theClinicListShowsTodaysDueOverdueAndComingVisitsAndAVisitIsMarkedMissedWithItsReason() throws Exception {
        station.send(new VisitCommand.Enrol("KET-041", WILLIAMS, LocalDate.of(2026, 3, 2)));
        station.send(new VisitCommand.Enrol("KET-042", WILLIAMS, LocalDate.of(2026, 2, 20)));
        station.send(new VisitCommand.Enrol("KET-043", WILLIAMS, LocalDate.of(2026, 3, 5)));
        UI.getCurrent().navigate("clinic");
        KaribuStation.until(() -> GridKt._size(clinic().grid()) > 0);
        assertEquals(List.of(
                "KET-042 | Screening | 20 Feb | Overdue 10 days (out of window)",
                "KET-041 | Screening | 2 Mar | Due today",
                "KET-041 | Infusion day (period 1) | 2-30 Mar | Due today",
                "KET-042 | Infusion day (period 1) | 20 Feb-20 Mar | Due today",
                "KET-043 | Screening | 5 Mar | Due in 3 days",
                "KET-043 | Infusion day (period 1) | 5 Mar-2 Apr | Due in 3 days"), rows(),
                "the first infusion may be held from the screening day on");
        assertEquals("6 visits: 1 overdue, 3 due today, 0 in progress", text("clinic-count"));
        DatePicker day = _get(DatePicker.class, s -> s.withId("clinic-day"));
        assertEquals(LocalDate.of(2026, 3, 2), day.getValue(), "the station's today");
        assertEquals("d MMM yyyy", day.getI18n().getDateFormats().getFirst(), "the day as the list writes it (2 Mar 2026), not 3/2/2026");
        // "Missed..." only from the last day of a window: not for the visits 3 days ahead, nor an infusion window still open
        assertEquals(List.of(true, true, false, false, false, false), List.of(0, 1, 2, 3, 4, 5).stream().map(i -> hasAction(i, "clinic-missed")).toList());

        rowAction(0, "clinic-missed");
        click("missed-dialog-save");
        KaribuStation.until(() -> !text("missed-dialog-error").isEmpty());
        assertEquals("a missed visit needs its reason", text("missed-dialog-error"));
        _get(TextField.class, s -> s.withId("missed-reason")).setValue("did not attend, not reachable by phone");
        click("missed-dialog-save");
        KaribuStation.until(() -> rows().size() == 5);
        assertTrue(rows().stream().noneMatch(r -> r.startsWith("KET-042 | Screening")), "marked missed: no longer to do");
        assertEquals(List.of("did not attend, not reachable by phone"), station.trail().entries().stream()
                .flatMap(e -> e.as(TrailEvent.VisitMissed.class).stream()).map(TrailEvent.VisitMissed::reason).toList());
    }

    @Test
    void aRatingVisitIsStartedFromTheListRatedWithTheBedsideFormGivenVitalsANoteAndAnAdverseEventAndCompleted() throws Exception {
        station.send(new VisitCommand.Enrol("KET-041", WILLIAMS, LocalDate.of(2026, 3, 2)));
        UI.getCurrent().navigate("clinic");
        KaribuStation.until(() -> GridKt._size(clinic().grid()) > 0);
        rowAction(0, "clinic-start");
        KaribuStation.until(() -> !_find(VisitView.class).isEmpty() && !text("visit-title").isEmpty());
        assertEquals("Screening - KET-041", text("visit-title"));
        assertEquals("Window 2 Mar - In progress", text("visit-facts"));
        assertEquals("To rate", text("visit-state-hamd17"));

        click("visit-complete");
        KaribuStation.until(() -> !text("visit-error").isEmpty());
        assertEquals("not yet rated at this visit: hamd17", text("visit-error"));

        click("visit-rate-hamd17");
        for (int i = 0; i < 17; i++) {
            click("score-1");
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        assertEquals("Recorded. Total 17 (0-52)", text("rating-result"));
        KaribuStation.until(() -> text("visit-state-hamd17").equals("Rated: total 17"));

        _get(NumberField.class, s -> s.withId("vital-nibp_sys")).setValue(128.0);
        _get(NumberField.class, s -> s.withId("vital-hr")).setValue(71.0);
        click("visit-record-vitals");
        KaribuStation.until(() -> text("visit-vitals-done").contains("NIBP systolic 128 mmHg, HR 71 /min"));
        _get(TextArea.class, s -> s.withId("visit-note")).setValue("came with a relative");
        click("visit-add-note");
        KaribuStation.until(() -> text("visit-notes").contains("came with a relative"));

        assertEquals("None recorded.", text("visit-aes"));
        click("visit-ae");
        _get(ComboBox.class, s -> s.withId("ae-term")).setValue("Headache");
        selectFirst("ae-severity");
        selectFirst("ae-relationship");
        selectFirst("ae-action");
        selectFirst("ae-outcome");
        click("ae-save");
        KaribuStation.until(() -> text("visit-aes").contains("Headache"));
        assertFalse(text("visit-aes").contains("None recorded."), text("visit-aes"));

        click("visit-complete");
        KaribuStation.until(() -> !_find(ClinicView.class).isEmpty() && GridKt._size(clinic().grid()) > 0);
        assertTrue(rows().contains("KET-041 | Screening | 2 Mar | Done"), rows().toString());

        List<String> types = station.trail().entries().stream().map(Recorded::event).map(e -> e.getClass().getSimpleName()).toList();
        assertEquals(List.of("SubjectEnrolled", "VisitStarted", "RatingEntered", "VisitVitals", "MarkerRecorded", "AdverseEventRecorded",
                "VisitCompleted"), types.stream().filter(t -> !t.startsWith("Bus") && !t.startsWith("Sign")).toList());
        AdverseEvent ae = station.trail().entries().stream().flatMap(e -> e.as(TrailEvent.AdverseEventRecorded.class).stream())
                .findFirst().orElseThrow().event();
        assertEquals("AE-1", ae.id());
        assertEquals("nurse1", station.trail().entries().stream().flatMap(e -> e.as(TrailEvent.RatingEntered.class).stream()).findFirst()
                .orElseThrow().rating().raterUserId());
    }

    @Test
    void atARatingVisitThePatientAnswersCadssItems1To19OnTheTabletAndTheNurseRatesItems20To23OnThePage() throws Exception {
        station.send(new VisitCommand.Enrol("KET-042", WILLIAMS, LocalDate.of(2026, 3, 2)));
        String visit = station.send(new VisitCommand.StartUnscheduled("KET-042", WILLIAMS, 1, "dissociation reported by phone")).visitSessionId();
        UI.getCurrent().navigate("visit/" + visit);
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("visit-state-cadss")).isEmpty());
        assertTrue(_find(Button.class, s -> s.withId("visit-tablet-hamd17")).isEmpty(), "HAM-D17 is observer-rated: no tablet");

        click("visit-tablet-cadss");
        KaribuStation.until(() -> !_find(Component.class, s -> s.withId("handover-code")).isEmpty());
        String code = text("handover-code");
        assertTrue(code.matches("\\d{6}"), code);
        String detail = _get(VisitView.class).handOverDialog().getElement().getTextRecursively();
        assertTrue(detail.contains("The patient answers 19 questions"), detail);
        // in staff words, as the bed's hand-over says it: where to go, and whose answers they are (no "rater = subject")
        assertTrue(detail.contains("On the patient tablet, open this station's page /tablet, type this code")
                && detail.contains("the answers are recorded as the patient's own, entered under your name."), detail);
        assertFalse(detail.contains("rater = subject"), detail);

        // the tablet (its page is driven in TabletIT) sends the subject's answers to items 1-19
        String tablet = station.unlockTablet(code);
        List<String> items = InstrumentCatalog.builtIn().get("cadss").items().stream().map(i -> i.id()).toList();
        Map<String, Answer> subject = new LinkedHashMap<>();
        items.subList(0, 19).forEach(i -> subject.put(i, Answer.score(2)));
        Instant now = station.clock.instant();
        station.sendAsTablet(new VisitCommand.RecordRating(visit, new Rating("r-tablet", "cadss", null, VisitService.UNSCHEDULED, "nurse", "nurse1",
                now, now, subject, null)), tablet);

        click("handover-close");
        KaribuStation.until(() -> text("visit-state-cadss").equals("The patient answered 19 questions on the tablet: rate the observer items"));
        assertEquals("Rate observer items", _get(Button.class, s -> s.withId("visit-rate-cadss")).getText());
        click("visit-complete");
        KaribuStation.until(() -> !text("visit-error").isEmpty());
        assertEquals("the subject answered cadss on the tablet: rate its observer items first", text("visit-error"));

        click("visit-rate-cadss");
        for (int i = 0; i < 4; i++) {
            click("score-1");
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        assertEquals("Recorded. Total 42 (0-92)", text("rating-result"));
        TrailEvent.RatingEntered rated = station.trail().entries().stream().flatMap(e -> e.as(TrailEvent.RatingEntered.class).stream())
                .findFirst().orElseThrow();
        assertEquals(23, rated.rating().answers().size());
        assertEquals(Rater.SUBJECT, rated.itemRaters().get(items.get(0)));
        assertEquals(Rater.OBSERVER, rated.itemRaters().get(items.get(22)));
    }

    @Test
    void aSubjectSeenOnlyAtABedIsListedAsNotEnrolledWithTheProtocolTitleAndEnrolledFromThere() throws Exception {
        station.bedsideSession("KET-014", WILLIAMS);
        UI.getCurrent().navigate("clinic");
        KaribuStation.until(() -> !text("clinic-count").isEmpty());
        assertEquals("No enrolled subject is due, in progress or seen on this day.", text("clinic-count"));
        String line = text("clinic-not-enrolled");
        assertTrue(line.startsWith("KET-014 was seen at a bed on this day but is not enrolled in the visit schedule of Ketamine 0.5 mg/kg IV over 40 min"
                + " after naltrexone 50 mg or placebo PO (double-blind crossover)"), line);
        assertFalse(line.contains(WILLIAMS), "the title, not the id");

        // the subject page says the same, with the title
        UI.getCurrent().navigate("subject/" + WILLIAMS + "/KET-014");
        KaribuStation.until(() -> !_find(SubjectView.class).isEmpty() && _get(SubjectView.class).getChildren()
                .anyMatch(c -> c.getId().orElse("").equals("subject-not-enrolled") && c.isVisible()));
        assertTrue(text("subject-not-enrolled-what").startsWith("KET-014 is not enrolled in the visit schedule of Ketamine 0.5 mg/kg"),
                text("subject-not-enrolled-what"));
        assertFalse(text("subject-not-enrolled").contains(WILLIAMS));
        // what to do next, instead of empty widgets: no chart, measure, visit list or infusion ratings, and no error
        assertTrue(text("subject-not-enrolled-next").contains("enrol the subject on the clinic list"), text("subject-not-enrolled-next"));
        SubjectView page = _get(SubjectView.class);
        for (String empty : List.of("subject-measure", "subject-chart", "subject-grid", "subject-infusion-heading", "subject-infusion-ratings")) {
            assertFalse(page.getChildren().flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren()))
                    .filter(c -> c.getId().orElse("").equals(empty)).findFirst().orElseThrow().isVisible(), empty + " is not shown");
        }
        assertTrue(text("subject-error").isEmpty(), text("subject-error"));
        click("subject-to-clinic");
        KaribuStation.until(() -> !_find(ClinicView.class).isEmpty());

        UI.getCurrent().navigate("clinic");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withClasses("clinic-enrol-subject")).isEmpty());
        _click(_get(Button.class, s -> s.withClasses("clinic-enrol-subject")));
        assertEquals("KET-014", _get(TextField.class, s -> s.withId("enrol-subject")).getValue());
        click("enrol-dialog-save");
        KaribuStation.until(() -> GridKt._size(clinic().grid()) > 0);
        assertTrue(text("clinic-not-enrolled").isEmpty());
        assertEquals(WILLIAMS, station.trail().entries().stream().flatMap(e -> e.as(TrailEvent.SubjectEnrolled.class).stream()).findFirst()
                .orElseThrow().protocolId());
    }

    @Test
    void theUnscheduledVisitDialogClosesWhenItsVisitOpens() throws Exception {
        station.send(new VisitCommand.Enrol("KET-043", WILLIAMS, LocalDate.of(2026, 3, 2)));
        UI.getCurrent().navigate("clinic");
        KaribuStation.until(() -> GridKt._size(clinic().grid()) > 0);
        click("clinic-unscheduled");
        selectFirst("unscheduled-subject");
        _get(TextField.class, s -> s.withId("unscheduled-reason")).setValue("asked to be seen");
        click("unscheduled-dialog-save");
        KaribuStation.until(() -> !_find(VisitView.class).isEmpty() && !text("visit-title").isEmpty());
        assertTrue(_find(Dialog.class, s -> s.withId("unscheduled-dialog")).stream().noneMatch(Dialog::isOpened), "no dialog over the visit page");
    }

    @SuppressWarnings("unchecked")
    private static void selectFirst(String id) {
        Select<Object> s = _get(Select.class, x -> x.withId(id));
        s.setValue(s.getListDataView().getItem(0));
    }

    private String startedScreening(String subject) throws Exception {
        station.send(new VisitCommand.Enrol(subject, WILLIAMS, LocalDate.of(2026, 3, 2)));
        return station.send(new VisitCommand.StartVisit(subject, WILLIAMS, "screening", 1)).visitSessionId();
    }

    private static Rating hamd17(String id, int each) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(), Answer.score(Math.min(each, i.max()))));
        Instant at = Instant.parse("2026-03-02T08:30:00Z");
        return new Rating(id, "hamd17", null, "screening", "nurse", "nurse1", at.minusSeconds(600), at, answers, null);
    }

    private static void openVisit(String visit) {
        UI.getCurrent().navigate("clinic");
        UI.getCurrent().navigate("visit/" + visit);
        // an open visit shows the monitor's state; a completed one hides its entry forms
        KaribuStation.until(() -> !text("visit-title").isEmpty() && (text("visit-facts").contains("Completed") || !text("visit-monitor-note").isEmpty()));
    }

    @Test
    void handEnteredVitalsAreRefusedWhenImpossibleFlaggedOutsideTheAlarmLimitsAndAMonitorsValuesAreTakenWithTheirAge() throws Exception {
        String visit = startedScreening("KET-045");
        openVisit(visit);
        assertEquals("Take from monitor is unavailable: no monitor is streaming to the station. Enter the values by hand.", text("visit-monitor-note"));
        assertFalse(_get(Button.class, s -> s.withId("visit-take-monitor")).isEnabled(), "the button says why it is unavailable");

        _get(NumberField.class, s -> s.withId("vital-spo2")).setValue(101.0);
        click("visit-record-vitals");
        KaribuStation.until(() -> !text("visit-error").isEmpty());
        assertEquals("SpO2 101 % is not possible: it must be 0-100 %", text("visit-error"));
        _get(NumberField.class, s -> s.withId("vital-spo2")).setValue(97.0);
        _get(NumberField.class, s -> s.withId("vital-hr")).setValue(130.0);
        click("visit-record-vitals");
        KaribuStation.until(() -> text("visit-vitals-done").contains("HR 130"));
        assertTrue(text("visit-vitals-done").endsWith("HR 130 /min, SpO2 97 %Outside the alarm limits (HR 130 /min: above the limit 120 /min)"), text("visit-vitals-done"));
        assertEquals(1, _find(ListItem.class, s -> s.withClasses("visit-flagged")).size());

        station.monitorValue("bed-03", "mon-3", Stream.HR, 74, Duration.ofSeconds(4));
        station.monitorValue("bed-03", "mon-3", Stream.SPO2, 98, Duration.ofSeconds(4));
        station.monitorValue("bed-03", "mon-3", Stream.RESP_RATE, 15, Duration.ofSeconds(45)); // older than the RR limit's 30 s
        KaribuStation.until(() -> {
            openVisit(visit);
            return text("visit-monitor-note").startsWith("HR 74");
        });
        assertEquals("HR 74 (4 s old), SpO2 98 (4 s old), RR 15 (45 s old: too old)", text("visit-monitor-note"));
        click("visit-take-monitor");
        KaribuStation.until(() -> text("visit-vitals-done").contains("from the monitor"));
        assertTrue(text("visit-vitals-done").contains("from the monitor at bed-03: mon-3: HR 74 /min (4 s old), SpO2 98 % (4 s old)"),
                text("visit-vitals-done"));
        TrailEvent.VisitVitals taken = station.trail().entries().stream().flatMap(e -> e.as(TrailEvent.VisitVitals.class).stream())
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("bed-03: mon-3", taken.source());
        assertEquals(List.of("hr", "spo2"), taken.values().stream().map(TrailEvent.VitalReading::stream).toList());
    }

    @Test
    void aRatingIsCorrectedWithAReasonAtTheOpenVisitAndAPhysicianAmendsTheSignedVisitWhichThenNeedsANewSignature() throws Exception {
        String visit = startedScreening("KET-046");
        station.send(new VisitCommand.RecordRating(visit, hamd17("r-46", 1)));
        openVisit(visit);
        assertEquals("Rated: total 17", text("visit-state-hamd17"));
        click("visit-correct-hamd17");
        click("score-3"); // item 1: 1 -> 3
        click("rating-submit");
        KaribuStation.until(() -> !text("rating-error").isEmpty());
        assertTrue(text("rating-error").contains("reason"), text("rating-error"));
        _get(TextField.class, s -> s.withId("rating-correction-reason")).setValue("item 1 misheard");
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        assertEquals("Recorded. Total 19 (0-52)", text("rating-result"));
        KaribuStation.until(() -> text("visit-state-hamd17").startsWith("Rated: total 19"));
        assertEquals("Rated: total 19 (corrected: item 1 misheard)", text("visit-state-hamd17"));
        station.send(new VisitCommand.Complete(visit));

        station.signIn(VisitStation.PHYSICIAN, Role.PHYSICIAN);
        openVisit(visit);
        click("visit-sign");
        _get(TextField.class, s -> s.withId("visit-sign-user-id")).setValue(VisitStation.PHYSICIAN);
        _get(PasswordField.class, s -> s.withId("visit-sign-password")).setValue(VisitStation.PHYSICIAN_PASSWORD);
        click("visit-sign-submit");
        KaribuStation.until(() -> text("visit-signatures").startsWith("Reviewed by Dr. Ada Example"));
        assertEquals("No amendment.", text("visit-amendments"));

        click("visit-amend-note");
        click("visit-amend-submit");
        assertEquals("Give the reason for the amendment and the note.", text("visit-amend-error"));
        _get(TextField.class, s -> s.withId("visit-amend-reason")).setValue("phoned the next day");
        _get(TextArea.class, s -> s.withId("visit-amend-text")).setValue("headache in the evening");
        click("visit-amend-submit");
        KaribuStation.until(() -> text("visit-signatures").contains("signed before amendment"));
        assertTrue(text("visit-amendments").contains("Note added: headache in the evening (reason: phoned the next day)"), text("visit-amendments"));
        assertTrue(text("visit-notes").contains("headache in the evening (amendment)"), text("visit-notes"));
        assertTrue(text("visit-signatures").endsWith("Amended after signing: the visit needs a new signature."), text("visit-signatures"));

        click("visit-correct-hamd17"); // on a completed visit, a physician's correction is an amendment
        click("score-2");
        _get(TextField.class, s -> s.withId("rating-correction-reason")).setValue("source document says 2");
        click("rating-submit");
        KaribuStation.until(() -> text("visit-state-hamd17").startsWith("Rated: total 18"));
        List<String> types = station.trail().entries().stream().filter(e -> visit.equals(e.session() == null ? null : e.session().value()))
                .map(e -> e.written().type()).filter(t -> !t.startsWith("bus") && !t.startsWith("auth")).toList();
        assertEquals(List.of("visit.started", "rating.recorded", "rating.corrected", "visit.completed", "record.signed", "record.amended",
                "rating.corrected", "record.amended"), types, "every entry appended, the originals kept");
        TrailEvent.RecordAmended last = station.trail().entries().stream().flatMap(e -> e.as(TrailEvent.RecordAmended.class).stream())
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("source document says 2", last.reason());

        // the review list shows the visit's sign-off
        UI.getCurrent().navigate("review");
        @SuppressWarnings("unchecked")
        Grid<ReviewListView.VisitRow> grid = _get(Grid.class, s -> s.withId("visits-grid"));
        KaribuStation.until(() -> GridKt._size(grid) > 0);
        assertEquals("Signed before amendment: sign again", GridKt._get(grid, 0).signature());
    }

    @Test
    void aPhysicianCorrectsVitalSignsAndAmendsAnAdverseEventOfASignedVisitFromItsPageWithAReasonAndTheVisitNeedsANewSignature() throws Exception {
        String visit = startedScreening("KET-047");
        station.send(new VisitCommand.RecordRating(visit, hamd17("r-47", 1)));
        Instant measured = station.clock.instant();
        station.send(new VisitCommand.RecordVitals(visit, List.of(new TrailEvent.VitalReading("nibp_sys", 150, measured),
                new TrailEvent.VitalReading("nibp_dia", 85, measured), new TrailEvent.VitalReading("hr", 130, measured))));
        station.send(new VisitCommand.RecordAdverseEvent(visit, new AdverseEvent("AE-1", "Headache", measured, Optional.empty(),
                AdverseEvent.Severity.MILD, false, AdverseEvent.Relationship.UNLIKELY_RELATED, AdverseEvent.Action.NOT_APPLICABLE,
                AdverseEvent.Outcome.NOT_RECOVERED_NOT_RESOLVED, Optional.empty())));
        station.send(new VisitCommand.Complete(visit));
        openVisit(visit);
        assertTrue(_find(Button.class, s -> s.withId("visit-correct-vitals-1")).isEmpty(), "a nurse does not amend a completed visit");
        assertTrue(_find(Button.class, s -> s.withId("visit-amend-ae-AE-1")).isEmpty());

        station.signIn(VisitStation.PHYSICIAN, Role.PHYSICIAN);
        openVisit(visit);
        click("visit-sign");
        _get(TextField.class, s -> s.withId("visit-sign-user-id")).setValue(VisitStation.PHYSICIAN);
        _get(PasswordField.class, s -> s.withId("visit-sign-password")).setValue(VisitStation.PHYSICIAN_PASSWORD);
        click("visit-sign-submit");
        KaribuStation.until(() -> text("visit-signatures").startsWith("Reviewed by"));

        click("visit-correct-vitals-1");
        NumberField hr = _get(NumberField.class, s -> s.withId("visit-correct-vital-hr"));
        assertEquals(130.0, hr.getValue(), "the value in effect");
        click("visit-correct-vitals-submit");
        assertEquals("Change at least one value and give the reason for the amendment.", text("visit-correct-vitals-error"));
        hr.setValue(103.0);
        click("visit-correct-vitals-submit");
        assertEquals("Change at least one value and give the reason for the amendment.", text("visit-correct-vitals-error"), "no reason");
        _get(TextField.class, s -> s.withId("visit-correct-vitals-reason")).setValue("source sheet reads 103");
        click("visit-correct-vitals-submit");
        KaribuStation.until(() -> text("visit-vitals-done").contains("HR 103"));
        assertTrue(text("visit-vitals-done").contains("NIBP systolic 150 mmHg, NIBP diastolic 85 mmHg, HR 103 /min (amended: source sheet reads 103)"),
                text("visit-vitals-done"));
        assertTrue(_find(ListItem.class, s -> s.withClasses("visit-flagged")).isEmpty(), "HR 103 is within the limits: no flag in effect");
        assertTrue(text("visit-amendments").contains("Vital signs corrected: HR 103 /min (reason: source sheet reads 103)"), text("visit-amendments"));
        assertTrue(text("visit-signatures").contains("signed before amendment"), text("visit-signatures"));

        click("visit-amend-ae-AE-1");
        selectValue("ae-severity", AdverseEvent.Severity.MODERATE);
        click("ae-save");
        KaribuStation.until(() -> !_get(VisitView.class).aeDialog().error().isEmpty());
        assertEquals("Give the reason for the amendment.", _get(VisitView.class).aeDialog().error());
        _get(TextField.class, s -> s.withId("visit-amend-ae-reason")).setValue("phoned: worse that evening");
        click("ae-save");
        KaribuStation.until(() -> text("visit-aes").contains("amended"));
        assertEquals("Headache (Moderate) (amended: phoned: worse that evening)Amend...", text("visit-aes"));
        assertTrue(text("visit-amendments").contains("Adverse event amended: Headache (reason: phoned: worse that evening)"), text("visit-amendments"));

        List<String> types = station.trail().entries().stream().filter(e -> visit.equals(e.session() == null ? null : e.session().value()))
                .map(e -> e.written().type()).filter(t -> !t.startsWith("bus") && !t.startsWith("auth")).toList();
        assertEquals(List.of("visit.started", "rating.recorded", "visit.vitals_recorded", "ae.recorded", "visit.completed", "record.signed",
                "visit.vitals_recorded", "record.amended", "ae.recorded", "record.amended"), types, "appended, the originals kept");
        assertEquals(List.of(AdverseEvent.Severity.MILD, AdverseEvent.Severity.MODERATE), station.trail().entries().stream()
                .flatMap(e -> e.as(TrailEvent.AdverseEventRecorded.class).stream()).map(a -> a.event().severity()).toList());
        assertEquals(List.of(VisitStation.PHYSICIAN, VisitStation.PHYSICIAN), station.trail().entries().stream()
                .filter(e -> e.event() instanceof TrailEvent.RecordAmended).map(Recorded::actor).toList());
    }

    @SuppressWarnings("unchecked")
    private static void selectValue(String id, Object value) {
        _get(Select.class, x -> x.withId(id)).setValue(value);
    }
}
