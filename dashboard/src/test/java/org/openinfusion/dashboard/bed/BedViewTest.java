package org.openinfusion.dashboard.bed;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomEvent;
import java.util.List;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionView;
import java.util.Locale;
import java.time.Instant;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.live.LiveView;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.security.Principal;
import org.openinfusion.dashboard.rating.RatingDialog;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.device.DeviceAlarms;
import java.util.Optional;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bed view without a browser: session flow, rating form, markers and alarms against a real session worker.
 * Fields are set with {@code setValue}: Karibu 2.6.2's {@code _setValue} fails on Vaadin 25.2.6 (NoSuchMethodException
 * on AbstractFieldSupport.setValue by reflection).
 */
class BedViewTest {
    private KaribuStation station;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
        station.signIn("nurse1", Role.NURSE);
        UI.getCurrent().navigate("bed/bed-01");
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    private static void click(String id) {
        _click(_get(Button.class, s -> s.withId(id)));
    }

    /**
     * Takes the steps in order, confirming the end of the infusion, each once its button is there; the cuff takes a
     * pre-dose reading before the infusion start is confirmed (the station refuses the start without one).
     */
    private void walk(String... steps) {
        for (String step : steps) {
            if (step.equals("step-confirm-infusion-start")) {
                cuff(128, 82);
                confirmStart();
            } else {
                click(step);
            }
            if (step.equals("step-end-of-infusion")) {
                click("confirm-step");
            }
            KaribuStation.until(() -> _find(Button.class, s -> s.withId(step)).isEmpty());
        }
    }

    /**
     * Confirms the infusion start; while baseline ratings are still open it asks first (Cancel the default), and this
     * starts anyway.
     */
    private static void confirmStart() {
        click("step-confirm-infusion-start");
        if (!_find(Button.class, s -> s.withId("confirm-step")).isEmpty()) {
            assertEquals("Start the infusion before the baseline is finished?", _get(StepConfirm.class).getHeaderTitle());
            click("confirm-step");
        }
    }

    /** Another member of staff signs in at this bedside screen: the bed view opens again in their name. */
    private void signInHere(String user, Role role) {
        station.signIn(user, role);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("bed/bed-01");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("step-ready-for-discharge")).isEmpty());
    }

    /** A blood pressure taken now on bed-01, once the bed view shows it. */
    private void cuff(int systolic, int diastolic) {
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.NIBP_SYS, systolic, now, now, 11));
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.NIBP_DIA, diastolic, now, now, 12));
        KaribuStation.until(() -> text("num-nibp-value").equals(systolic + "/" + diastolic));
    }

    private static void tab(String label) {
        _click(_get(NativeButton.class, s -> s.withText(label)));
    }

    /** Confirms the close dialog; returns what the station recorded with the close. */
    private String confirmClose() {
        click("confirm-step");
        KaribuStation.until(() -> station.audit.stream().anyMatch(a -> a.type().equals("session.closed")));
        return String.valueOf(station.audit.stream().filter(a -> a.type().equals("session.closed")).findFirst().orElseThrow().payload());
    }

    /** The close dialog's reason fields, one per rating not done. */
    private static List<TextField> closeReasonFields() {
        return _find(TextField.class, s -> { }).stream().filter(f -> f.getId().orElse("").startsWith("close-reason-")).toList();
    }

    /** Gives a reason for every rating not done, in the close dialog; returns how many it asked for. */
    private static int fillCloseReasons() {
        List<TextField> fields = closeReasonFields();
        fields.forEach(f -> f.setValue("participant left early"));
        return fields.size();
    }

    /**
     * In the close dialog: a reason typed for the first rating not done, then one tap gives {@code common} (typed in its
     * source field already) to every other; the first keeps its own.
     */
    private static void oneReasonForTheRest(String own, String common, int atLeast) {
        _get(TextField.class, s -> s.withId("close-reason-0")).setValue(own);
        click("close-reason-all");
        List<String> given = closeReasonFields().stream().map(TextField::getValue).toList();
        assertEquals(own, given.getFirst(), "a reason already given is kept");
        assertTrue(given.size() >= atLeast && given.stream().skip(1).allMatch(common::equals), given.toString());
    }

    private void startSession(String protocolId) {
        KaribuStation.until(() -> !_get(StartSessionFormSelect.type(), s -> s.withId("start-protocol")).getListDataView().getItems().toList().isEmpty());
        @SuppressWarnings("unchecked")
        Select<ProtocolChoices.Choice> protocol = _get(Select.class, s -> s.withId("start-protocol"));
        protocol.getListDataView().getItems().filter(c -> c.id().equals(protocolId)).findFirst().ifPresent(protocol::setValue);
        _get(TextField.class, s -> s.withId("start-subject")).setValue("KET-014");
        _get(IntegerField.class, s -> s.withId("start-age")).setValue(42);
        _get(NumberField.class, s -> s.withId("start-weight")).setValue(70.0);
        _get(TextField.class, s -> s.withId("start-kit")).setValue("KIT-0042");
        click("start-button");
        KaribuStation.until(() -> text("session-header").startsWith("KET-014"));
    }

    /** Helper to name the raw Select type in a lambda. */
    private static final class StartSessionFormSelect {
        @SuppressWarnings({"unchecked", "rawtypes"})
        static Class<Select<ProtocolChoices.Choice>> type() {
            return (Class) Select.class;
        }
    }

    @Test
    void startsASessionWithASubjectCodeAndShowsThePlanWithoutTheArm() {
        startSession("ketamine-buprenorphine-double-dummy");

        assertTrue(text("session-header").contains("Study drug"));
        assertEquals("0.0 / 100.0", text("inf-volume"));
        assertTrue(text("infusion").contains("Volume mL (of plan)"), text("infusion"));
        assertEquals("0:00 / 40:00", text("inf-elapsed"));
        String page = UI.getCurrent().getElement().getTextRecursively().toLowerCase();
        assertFalse(page.contains("saline") || page.contains("mg/ml") || page.contains("placebo"), page);
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("session.created") && a.actor().equals("nurse1")));
    }

    @Test
    void refusesANameInsteadOfASubjectCode() {
        KaribuStation.until(() -> !_find(Select.class, s -> s.withId("start-protocol")).isEmpty()
                && ((Select<?>) _get(Select.class, s -> s.withId("start-protocol"))).getValue() != null);
        _get(TextField.class, s -> s.withId("start-subject")).setValue("JOHN");
        _get(IntegerField.class, s -> s.withId("start-age")).setValue(42);
        _get(NumberField.class, s -> s.withId("start-weight")).setValue(70.0);
        _get(TextField.class, s -> s.withId("start-kit")).setValue("KIT-1");
        click("start-button");
        KaribuStation.until(() -> text("refusal").contains("never a name"));
        assertTrue(station.audit.isEmpty());
    }

    @Test
    void theHeaderNamesTheSignedInPersonNotTheirAccountId() {
        Principal nora = new Principal("nurse7", Role.NURSE, "Nora Nurse");
        CurrentUser.set(new StationUser(nora, station.signIns.open(nora)));
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("bed/bed-01");
        assertEquals("Nora Nurse (nurse)", text("signed-in"), "the name, as the review pages show it");
    }

    @Test
    void walksThroughPretreatmentInfusionEndObservationAndDischarge() {
        startSession("ketamine-buprenorphine-double-dummy");
        walk("step-baseline", "step-pretreatment", "step-confirm-infusion-start", "step-end-of-infusion", "step-observation");
        tab("Discharge");
        String check = text("discharge-check");
        assertTrue(check.contains("CADSS (dissociation) - not rated since the end of infusion; needs <= 4"), check);
        // the summary line is shown once, above the tabs; the tab lists the criteria
        assertTrue(text("discharge-summary").startsWith("Discharge: "), text("discharge-summary"));
        assertFalse(check.contains("Discharge: "), "the summary repeated in the tab: " + check);
        // each criterion in staff words: the vital signs by name, never the station's stream keys
        for (String criterion : new String[] {"Heart rate within 20 % of baseline", "Systolic BP within 20 % of baseline",
                "Diastolic BP within 20 % of baseline", "Time since the end of the infusion", "MOAA/S (sedation)", "Scheduled ratings"}) {
            assertTrue(check.contains(criterion), criterion + " missing in: " + check);
        }
        for (String internal : new String[] {"nibp_sys", "nibp_dia", "hr within", "t120", "end-of-infusion"}) {
            assertFalse(check.contains(internal), internal + " shown in: " + check);
        }
        signInHere("doc", Role.PHYSICIAN); // criteria unmet: only a physician may, with a reason
        click("step-ready-for-discharge");
        _get(TextField.class, s -> s.withId("confirm-not-met-reason")).setValue("reviewed at the bedside; observed 2 h without concern");
        click("confirm-step");
        KaribuStation.until(() -> text("session-header").contains("Ready for discharge"));
        click("step-close");
        fillCloseReasons();
        click("confirm-step");
        KaribuStation.until(() -> _get(Div.class, s -> s.withId("start-session")).isVisible());
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("session.closed")));
    }

    @Test
    void completesACadssFormWhenPromptedAndShowsTheStationsTotal() {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-baseline-cadss")).isEmpty());
        assertTrue(text("prompt-due").contains("Ratings at Baseline:"), text("prompt-due"));

        click("rate-baseline-cadss");
        RatingDialog dialog = _get(RatingDialog.class);
        assertEquals("CADSS item 1", text("rating-item"));
        click("score-2");
        ShortcutsKt._fireShortcut(dialog, Key.DIGIT_1);
        assertEquals("Item 3 of 23  (2 answered)", text("rating-progress"));
        ShortcutsKt._fireShortcut(dialog, Key.ARROW_LEFT);
        assertEquals("Item 2 of 23  (2 answered)", text("rating-progress"));
        ShortcutsKt._fireShortcut(dialog, Key.ARROW_RIGHT);
        click("rating-not-assessed");
        assertTrue(text("rating-error").contains("reason"));
        _get(TextField.class, s -> s.withId("rating-reason")).setValue("subject asleep");
        click("rating-not-assessed");
        assertFalse(_get(Button.class, s -> s.withId("rating-submit")).isEnabled());
        for (int i = 4; i <= 23; i++) {
            click("score-0");
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());

        assertEquals("Recorded. Total 3 (0-92) INCOMPLETE: 1 of 23 items not assessed", text("rating-result"));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("rating.recorded")));
        KaribuStation.until(() -> text("ratings-recorded").contains("CADSS  3 (0-92)"));
    }

    @Test
    void ratesAVisualAnalogueScaleOnItsLine() {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-baseline-vas")).isEmpty());
        click("rate-baseline-vas");
        assertEquals("High", text("rating-item"));
        assertEquals("VAS - Baseline", _get(RatingDialog.class).getHeaderTitle(), "staff words, not the time point's id");
        assertTrue(_find(Div.class, s -> s.withId("rating-placeholder-note")).isEmpty(), "VAS questions ship their wording");
        assertTrue(text("vas-no-anchors").startsWith("The protocol defines no end labels"), "none invented: " + text("vas-no-anchors"));
        // until the line is touched, the value place holds how to answer, marked as a hint (styled small and grey, not as the value)
        assertEquals("Touch the line, or use the arrow keys", text("vas-value"));
        assertEquals("true", _get(Component.class, s -> s.withId("vas-value")).getElement().getAttribute("data-unset"));
        for (int value : new int[] {40, 10, 0}) {
            var line = _get(Component.class, s -> s.withId("vas-line")).getElement();
            var data = JsonMapper.builder().build().createObjectNode().put("event.detail.value", value);
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-change", data));
            assertEquals(value + " mm", text("vas-value"));
            assertEquals("false", _get(Component.class, s -> s.withId("vas-value")).getElement().getAttribute("data-unset"));
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-commit", JsonMapper.builder().build().createObjectNode()));
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        // an instrument without a total says its values with their unit, never "no total"
        assertEquals("Recorded. High 40 mm, Nausea 10 mm, Craving 0 mm", text("rating-result"));
        KaribuStation.until(() -> text("ratings-recorded").contains("VAS  High 40 mm, Nausea 10 mm, Craving 0 mm"));
        assertFalse(text("ratings-recorded").contains("no total"), text("ratings-recorded"));
    }

    @Test
    void aFormThePatientRatesAloneIsHandedToTheTabletWithAOneTimeCode() {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("hand-baseline-vas")).isEmpty());
        assertEquals("Tablet: VAS", _get(Button.class, s -> s.withId("hand-baseline-vas")).getText());
        click("hand-baseline-vas");
        KaribuStation.until(() -> !_find(Div.class, s -> s.withId("handover-code")).isEmpty());
        assertTrue(text("handover-code").matches("\\d{6}"), text("handover-code"));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("tablet.code_issued")));
        assertTrue(station.audit.stream().noneMatch(a -> a.payload().toString().contains(text("handover-code"))), "the code is not audited");
    }

    private <T> T request(String address, Object body, DeliveryOptions options) throws Exception {
        return station.vertx.eventBus().<T>request(address, body, options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
    }

    @Test
    void atTheBedsideTheTabletGivesTheSubjectCadssItems1To19AndTheNurseRates20To23IntoOneRating() throws Exception {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("hand-baseline-cadss")).isEmpty());
        click("hand-baseline-cadss");
        KaribuStation.until(() -> !_find(Div.class, s -> s.withId("handover-code")).isEmpty());
        String code = text("handover-code");
        // the patient's tablet: unlocked with the code for the subject-rated items 1-19, answers them with its own token
        TabletRequest.Unlocked tablet = request(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(code), new DeliveryOptions().setSendTimeout(10_000));
        assertEquals(19, tablet.itemIds().size());
        Map<String, Answer> part = new HashMap<>();
        tablet.itemIds().forEach(i -> part.put(i, Answer.score(1)));
        Instant now = Instant.now();
        request(Addresses.SESSION_COMMAND, new SessionCommand.RecordRating("bed-01", new Rating("r-part", "cadss", null, "baseline",
                tablet.staffRole(), tablet.staffUserId(), now, now, part, null)), BusGuard.options(tablet.token(), 10_000));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("rating.part_answered")));
        // the bed view: the nurse rates the observer items only; the tablet is not offered again for it
        KaribuStation.until(() -> _get(Button.class, s -> s.withId("rate-baseline-cadss")).getText().equals("Rate CADSS items 20-23"));
        assertTrue(_find(Button.class, s -> s.withId("hand-baseline-cadss")).isEmpty());
        click("rate-baseline-cadss");
        for (int i = 0; i < 4; i++) {
            assertTrue(text("rating-progress").startsWith("Item " + (i + 1) + " of 4"), text("rating-progress"));
            click("score-2");
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        assertEquals("Recorded. Total 27 (0-92)", text("rating-result"), "19 x 1 from the subject, 4 x 2 from the nurse");
        var recorded = station.audit.stream().filter(a -> a.type().equals("rating.recorded")).findFirst().orElseThrow();
        assertTrue(String.valueOf(recorded.payload().get("itemRaters")).contains("20=observer"), String.valueOf(recorded.payload()));
        assertTrue(String.valueOf(recorded.payload().get("itemRaters")).contains("1=subject"), String.valueOf(recorded.payload()));
    }

    @Test
    void placeholderWordingSaysHowTheSiteInstallsItsOwn() {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-baseline-cadss")).isEmpty());
        click("rate-baseline-cadss");
        assertEquals("CADSS item 1", text("rating-item"));
        // a plain sentence for staff: who installs the licensed wording and how, never a repository path
        String note = text("rating-placeholder-note");
        assertTrue(note.contains("station administrator installs the site's licensed wording as the station's site wording file"), note);
        assertFalse(note.contains("docs/") || note.contains(".md") || note.contains("section"), note);
    }

    @Test
    void aCorrectionNeedsAReason() {
        completesACadssFormWhenPromptedAndShowsTheStationsTotal();
        click("rating-done");
        _click(_get(Button.class, s -> s.withClasses("rating-correct")));
        assertTrue(_get(Button.class, s -> s.withId("rating-submit")).isEnabled(), "the original answers are filled in");
        click("rating-submit");
        assertTrue(text("rating-error").contains("reason"), text("rating-error"));
        _get(TextField.class, s -> s.withId("rating-correction-reason")).setValue("item 1 entered wrongly");
        click("rating-submit");
        KaribuStation.until(() -> station.audit.stream().anyMatch(a -> a.type().equals("rating.corrected")));
    }

    @Test
    void marksEventsWithOneTapAndNotes() {
        startSession("ketamine-midazolam-active-placebo");
        click("marker-nausea");
        // the tap is answered on the button itself once the station has recorded it: "Nausea ✓ 13:04"
        Button nausea = _get(Button.class, s -> s.withId("marker-nausea"));
        KaribuStation.until(() -> nausea.getText().startsWith("Nausea \u2713 "));
        assertEquals("true", nausea.getElement().getAttribute("data-marked"));
        assertEquals("Vomiting", _get(Button.class, s -> s.withId("marker-vomiting")).getText(), "only the tapped marker says so");
        tab("Notes");
        KaribuStation.until(() -> text("marker-recent").contains("Nausea"));
        // after MarkerBar.MARKED_FOR the button reads its name again
        SessionView.Marker recorded = new SessionView.Marker(MarkerKind.NAUSEA, null, "nurse1", Instant.parse("2026-12-05T13:04:00Z"));
        MarkerBar bar = _get(MarkerBar.class, s -> s.withId("markers"));
        bar.show(List.of(recorded), recorded.at().plus(MarkerBar.MARKED_FOR).minusSeconds(1));
        assertEquals("Nausea \u2713 " + Text.clock(recorded.at()), nausea.getText());
        bar.show(List.of(recorded), recorded.at().plus(MarkerBar.MARKED_FOR));
        assertEquals("Nausea", nausea.getText());
        assertEquals("false", nausea.getElement().getAttribute("data-marked"));
        _get(TextField.class, s -> s.withId("marker-note")).setValue("asked for water");
        click("marker-note-add");
        KaribuStation.until(() -> text("marker-recent").contains("Note: asked for water"));
        assertEquals(2, station.audit.stream().filter(a -> a.type().equals("marker.recorded")).count());
    }

    @Test
    void theNotesTabNamesWhoMarkedByNameAndRoleNeverByAccountId() {
        startSession("ketamine-midazolam-active-placebo");
        tab("Notes");
        Instant at = Instant.parse("2026-12-05T13:04:00Z");
        MarkerBar bar = _get(MarkerBar.class, s -> s.withId("markers"));
        bar.show(List.of(new SessionView.Marker(MarkerKind.NOTE, "asked for water", "nurse7", at),
                new SessionView.Marker(MarkerKind.NAUSEA, null, "doc", at.minusSeconds(60)),
                new SessionView.Marker(MarkerKind.NAUSEA, null, "gone.nurse", at.minusSeconds(120))), at.plusSeconds(60));
        String recent = text("marker-recent");
        assertTrue(recent.contains("Note: asked for water - Nora Nurse (nurse)"), recent);
        assertTrue(recent.contains("Nausea - Dr Doc (physician)"), recent);
        assertTrue(recent.contains("Nausea - staff member (account removed)"), "an account no longer on the station: " + recent);
        assertFalse(recent.contains("nurse7") || recent.contains("(doc)") || recent.contains("gone.nurse"), recent);
    }

    @Test
    void showsAnAlarmByPriorityAndAcknowledgesIt() {
        startSession("ketamine-midazolam-active-placebo");
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.SPO2, 85, now, now, 1));
        KaribuStation.until(() -> text("alarm-banner").contains("SpO2 85 %: below the limit 92 %"));
        // SpO2 85 is below both tiers: < 95 (medium, NCT05803551) and < 92 (high, site default); the high one is listed first
        List<Div> alarms = _find(Div.class, s -> s.withClasses("alarm"));
        assertEquals(List.of("LIMIT:spo2:lo92", "LIMIT:spo2:lo95"),
                alarms.stream().map(d -> d.getElement().getAttribute("data-alarm-id")).toList());
        Div alarm = alarms.getFirst();
        assertEquals("high", alarm.getElement().getAttribute("data-priority"));
        KaribuStation.until(() -> "high".equals(_get(Div.class, s -> s.withId("num-spo2")).getElement().getAttribute("data-alarm")));

        _click(_get(alarm, Button.class, s -> s.withText("Acknowledge")));
        KaribuStation.until(() -> text("alarm-banner").contains("acknowledged by nurse1"));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().startsWith("alarm.") && a.actor().equals("nurse1")));
    }

    /** From now on the page's own requests for the session view go unanswered: only what the station publishes reaches it. */
    private void answerNoViewRequests() {
        station.vertx.eventBus().addOutboundInterceptor(ctx -> {
            if (!Addresses.SESSION_VIEW.equals(ctx.message().address())) {
                ctx.next();
            }
        });
    }

    private void spo2(double value) {
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.SPO2, value, now, now, 1));
    }

    private static List<Div> alarmRows() {
        return _find(Div.class, s -> s.withClasses("alarm"));
    }

    @Test
    void anAlarmRaisedSilencedAtAnotherScreenAndClearedReachesTheBannerWithoutThePageAskingForTheSession() {
        startSession("ketamine-midazolam-active-placebo");
        answerNoViewRequests();

        spo2(85);
        KaribuStation.until(() -> text("alarm-banner").contains("SpO2 85 %: below the limit 92 %"));
        assertEquals("high", alarmRows().getFirst().getElement().getAttribute("data-priority"));
        // silenced from elsewhere (not through this page, so no reply reaches it)
        station.vertx.eventBus().request(Addresses.SESSION_COMMAND, new SessionCommand.SilenceAlarm("nurse1", "bed-01", "LIMIT:spo2:lo92", 120),
                BusGuard.options(CurrentUser.require().token(), 10_000));
        KaribuStation.until(() -> "true".equals(alarmRows().getFirst().getElement().getAttribute("data-silenced")));
        assertTrue(text("alarm-banner").contains("silenced until"), text("alarm-banner"));
        spo2(97);
        KaribuStation.until(() -> alarmRows().isEmpty());
    }

    @Test
    void theAlarmStreamStopsWhenThePageIsLeftOrItsSignInEndsAndStartsAgainWithThePage() {
        startSession("ketamine-midazolam-active-placebo");
        BedView first = (BedView) UI.getCurrent().getCurrentView();
        assertTrue(first.alarmsStreaming());
        UI.getCurrent().navigate("");
        assertFalse(first.alarmsStreaming(), "left for the overview");
        UI.getCurrent().navigate("bed/bed-01");
        BedView again = (BedView) UI.getCurrent().getCurrentView();
        assertTrue(again.alarmsStreaming(), "opened again");
        station.signIns.close(CurrentUser.require().token()); // the station ends the sign-in (e.g. its timeout)
        KaribuStation.until(() -> !again.alarmsStreaming()); // the page's next request goes to sign-in

        station.signIn("nurse1", Role.NURSE);
        UI.getCurrent().navigate("bed/bed-01");
        BedView third = (BedView) UI.getCurrent().getCurrentView();
        assertTrue(third.alarmsStreaming());
        answerNoViewRequests();
        spo2(85);
        KaribuStation.until(() -> text("alarm-banner").contains("SpO2 85 %: below the limit 92 %"));
        click("sign-out");
        spo2(97); // the alarm clears after the sign-out: the change does not reach the page, which stops listening
        KaribuStation.until(() -> !third.alarmsStreaming());
        assertTrue(third.getElement().getTextRecursively().contains("SpO2 85 %: below the limit 92 %"));
    }

    @Test
    void theAdverseEventDialogOffersTheProtocolsExpectedTermsWithTheirSourcesFoldedAndTakesAnyOtherTerm() {
        startSession("ketamine-naltrexone-crossover");
        tab("AE/meds");
        click("ae-record");
        @SuppressWarnings("unchecked")
        ComboBox<String> term = _get(ComboBox.class, s -> s.withId("ae-term"));
        assertEquals(List.of("Emergence reaction", "Hypertension", "Dissociation", "Sedation", "Respiratory event", "Mania",
                "Oxygen saturation decreased"), term.getListDataView().getItems().toList(), "the protocol's terms, then the station's proposals'");
        assertEquals("Choose a term this protocol expects, or type another term if none fits.", term.getHelperText());
        Details sources = _get(Details.class, s -> s.withId("ae-term-sources"));
        assertFalse(sources.isOpened(), "the sources are folded");
        String cited = sources.getElement().getTextRecursively();
        assertTrue(cited.contains("Mania: Mansoori 2025: two ketamine patients developed mania")
                && cited.contains("Hypertension: Yale, 2,342 ketamine infusions"), cited);

        term.setValue("Nausea"); // "other": not on the protocol's list
        _get(Select.class, s -> s.withId("ae-severity")).setValue(AdverseEvent.Severity.MILD);
        _get(Select.class, s -> s.withId("ae-relationship")).setValue(AdverseEvent.Relationship.POSSIBLY_RELATED);
        _get(Select.class, s -> s.withId("ae-action")).setValue(AdverseEvent.Action.DOSE_NOT_CHANGED);
        _get(Select.class, s -> s.withId("ae-outcome")).setValue(AdverseEvent.Outcome.RECOVERED_RESOLVED);
        click("ae-save");
        KaribuStation.until(() -> text("ae-recorded").contains("AE-1 Nausea: Mild"));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("ae.recorded") && "Nausea".equals(a.payload().get("term"))),
                station.audit.toString());
    }

    @Test
    void staffConfirmTheStationsProposedAdverseEventAndRecordAMedicationInDialogs() {
        startSession("ketamine-midazolam-active-placebo");
        Instant low = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.SPO2, 88, low, low, 1));
        KaribuStation.until(() -> text("alarm-banner").contains("SpO2 88 %"));
        Instant back = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.SPO2, 97, back, back, 2));
        tab("AE/meds");
        KaribuStation.until(() -> text("ae-proposals").contains("Proposed by the station: Oxygen saturation decreased"));

        click("ae-confirm-0");
        assertEquals("Oxygen saturation decreased", _get(ComboBox.class, s -> s.withId("ae-term")).getValue());
        click("ae-save");
        assertTrue(text("ae-error").startsWith("Still to fill in: Severity, Relationship to the study drug, Action taken with the study drug, Outcome"),
                text("ae-error"));
        _get(Select.class, s -> s.withId("ae-severity")).setValue(AdverseEvent.Severity.MILD);
        _get(Select.class, s -> s.withId("ae-relationship")).setValue(AdverseEvent.Relationship.POSSIBLY_RELATED);
        _get(Select.class, s -> s.withId("ae-action")).setValue(AdverseEvent.Action.DOSE_NOT_CHANGED);
        _get(Select.class, s -> s.withId("ae-outcome")).setValue(AdverseEvent.Outcome.RECOVERED_RESOLVED);
        click("ae-save");
        KaribuStation.until(() -> text("ae-recorded").contains("AE-1 Oxygen saturation decreased: Mild"));
        assertTrue(_find(Dialog.class, s -> s.withId("ae-dialog")).stream().noneMatch(Dialog::isOpened), "closed once recorded");
        assertFalse(text("ae-proposals").contains("Proposed"), "a confirmed proposal is no longer proposed");
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("ae.recorded") && a.actor().equals("nurse1")
                && String.valueOf(a.payload().get("fromAlarm")).startsWith("LIMIT:spo2:")), station.audit.toString());

        click("med-record");
        _get(ComboBox.class, s -> s.withId("med-drug")).setValue("ondansetron");
        _get(NumberField.class, s -> s.withId("med-dose")).setValue(4.0);
        _get(ComboBox.class, s -> s.withId("med-route")).setValue("IV");
        click("med-save");
        assertEquals("Still to fill in: Ordered by (physician)", text("med-error"), "medication only on a physician's order");
        _get(TextField.class, s -> s.withId("med-ordered-by")).setValue("Dr Doc");
        click("med-save");
        KaribuStation.until(() -> text("med-given").contains("ondansetron 4 mg IV at "));
        assertTrue(text("med-given").endsWith("given by nurse1, ordered by Dr Doc"), text("med-given"));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("medication.given") && a.actor().equals("nurse1")));
    }

    @Test
    void startingTheInfusionWhileBaselineRatingsAreOpenAsksFirstNamingThemWithCancelTheDefault() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline");
        cuff(128, 82);
        click("step-confirm-infusion-start");
        StepConfirm dialog = _get(StepConfirm.class);
        assertEquals("Start the infusion before the baseline is finished?", dialog.getHeaderTitle());
        assertTrue(text("confirm-consequence").startsWith("Baseline not finished: CADSS, BPRS+, VAS. "), text("confirm-consequence"));
        assertTrue(text("confirm-consequence").endsWith("Start the infusion anyway?"), text("confirm-consequence"));
        assertFalse(text("confirm-consequence").contains("bprs_pos"), "staff names, never the form's key");
        Button cancel = _get(Button.class, s -> s.withId("confirm-cancel"));
        assertTrue(cancel.isAutofocus() && cancel.hasThemeName("primary"), "Cancel is the default");
        assertFalse(_get(Button.class, s -> s.withId("confirm-step")).hasThemeName("primary"));
        click("confirm-cancel");
        assertTrue(_find(StepConfirm.class).isEmpty());
        assertTrue(station.audit.stream().noneMatch(a -> a.type().equals("session.infusion_started")), station.audit.toString());
        assertTrue(text("session-header").contains("Baseline"), text("session-header"));

        // a form rated meanwhile leaves the list; starting anyway records the start
        click("rate-baseline-vas");
        for (int value : new int[] {40, 10, 0}) {
            var line = _get(Component.class, s -> s.withId("vas-line")).getElement();
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-change", JsonMapper.builder().build().createObjectNode().put("event.detail.value", value)));
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-commit", JsonMapper.builder().build().createObjectNode()));
        }
        click("rating-submit");
        KaribuStation.until(() -> text("ratings-recorded").contains("VAS"));
        _get(RatingDialog.class).close();
        KaribuStation.until(() -> {
            click("step-confirm-infusion-start");
            boolean shorter = text("confirm-consequence").startsWith("Baseline not finished: CADSS, BPRS+. ");
            if (!shorter) {
                click("confirm-cancel");
            }
            return shorter;
        });
        click("confirm-step");
        KaribuStation.until(() -> text("session-header").contains("Infusing"));
    }

    @Test
    void endingTheInfusionAsksFirstAndStatesTheConsequence() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start");
        click("step-end-of-infusion");
        assertTrue(text("confirm-consequence").contains("cannot be undone"), text("confirm-consequence"));
        click("confirm-cancel");
        assertTrue(station.audit.stream().noneMatch(a -> a.type().equals("session.infusion_completed")));
        assertTrue(text("session-header").contains("Infusing"), text("session-header"));

        click("step-end-of-infusion");
        click("confirm-step");
        KaribuStation.until(() -> text("session-header").contains("Infusion complete"));
    }

    @Test
    void endingTheInfusionSaysWhatThePumpReportsAndThatAPumpStillInfusingIsNotStoppedByTheStep() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start");
        click("step-end-of-infusion");
        // given the station's pump state before any pump reports (standby): said as it is
        assertEquals("The pump reports: Standby. This step records the end of the infusion; it does not control the pump.",
                text("confirm-pump"));
        assertEquals("false", _get(Component.class, s -> s.withId("confirm-pump")).getElement().getAttribute("data-infusing"));
        click("confirm-cancel");
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.STATE, new StateSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_STATE, "infusing", now, now, 21));
        KaribuStation.until(() -> text("inf-pump").startsWith("Infusing"));
        click("step-end-of-infusion");
        assertEquals("The pump is still infusing. This step records the end of the infusion; it does not stop the pump: stop the pump first, or tick below.",
                text("confirm-pump"));
        assertEquals("true", _get(Component.class, s -> s.withId("confirm-pump")).getElement().getAttribute("data-infusing"));
    }

    /** A volume the pump reports now on bed-01, once the bed view shows it. */
    private void pumpVolume(double ml) {
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_VOLUME_INFUSED, ml, now, now, 31));
        KaribuStation.until(() -> text("infusion").contains(String.format(Locale.ROOT, "%.1f", ml)));
    }

    private void pumpState(String state) {
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.STATE, new StateSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_STATE, state, now, now, 32));
    }

    /** A session infusing on bed-01 with its pump reporting that it infuses. */
    private void infusingWithThePumpRunning() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start");
        pumpState("infusing");
        KaribuStation.until(() -> text("inf-pump").startsWith("Infusing"));
    }

    @Test
    void whileThePumpStillInfusesTheEndIsConfirmedOnlyWithTheTickAndRecordsThePumpsVolumeAtTheConfirmingMoment() {
        infusingWithThePumpRunning();
        pumpVolume(0.9);
        click("step-end-of-infusion");
        assertTrue(text("confirm-figures").startsWith("Infused 0.9 of "), text("confirm-figures"));
        assertTrue(text("confirm-figures").matches("Infused 0\\.9 of \\d+\\.\\d mL in \\d+:\\d\\d min, as the pump reported at \\d\\d:\\d\\d:\\d\\d\\."),
                "the volume says when the pump reported it: " + text("confirm-figures"));
        Button confirm = _get(Button.class, s -> s.withId("confirm-step"));
        assertFalse(confirm.isEnabled(), "not while the pump still infuses, without the tick");
        assertTrue(_get(Checkbox.class, s -> s.withId("confirm-pump-stopping")).isVisible());
        // given the dialog stays open while the pump goes on: it shows the volume now, not the one when it opened
        pumpVolume(1.1);
        KaribuStation.until(() -> text("confirm-figures").startsWith("Infused 1.1 of "));
        _get(Checkbox.class, s -> s.withId("confirm-pump-stopping")).setValue(true);
        assertTrue(confirm.isEnabled(), "the tick states that the pump is still running and is stopped at the pump");
        click("confirm-step");
        KaribuStation.until(() -> station.audit.stream().anyMatch(a -> a.type().equals("session.infusion_completed")));
        String recorded = String.valueOf(station.audit.stream().filter(a -> a.type().equals("session.infusion_completed")).findFirst().orElseThrow().payload());
        assertTrue(recorded.contains("1.1"), "the end records the pump's volume when confirmed: " + recorded);
    }

    @Test
    void whenThePumpStopsWhileTheDialogIsOpenTheTickIsNoLongerAsked() {
        infusingWithThePumpRunning();
        click("step-end-of-infusion");
        assertFalse(_get(Button.class, s -> s.withId("confirm-step")).isEnabled());
        pumpState("stopped");
        KaribuStation.until(() -> _get(Button.class, s -> s.withId("confirm-step")).isEnabled());
        assertTrue(_find(Checkbox.class, s -> s.withId("confirm-pump-stopping")).isEmpty(), "the tick is no longer shown");
        assertEquals("false", _get(Component.class, s -> s.withId("confirm-pump")).getElement().getAttribute("data-infusing"));
    }

    @Test
    void closingWhileThePumpInfusesWarnsWithItsRateAndVolumeAndTheRecordKeepsTheInfusionsStateAtTheClose() {
        infusingWithThePumpRunning();
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_RATE, 52.5, now, now, 33));
        pumpVolume(20.3);
        click("step-close");
        KaribuStation.until(() -> _get(Component.class, s -> s.withId("close-pump")).isVisible());
        assertTrue(text("close-pump").matches("The pump is still infusing: 52\\.5 mL/h, 20\\.3 mL infused, as it reported at \\d\\d:\\d\\d:\\d\\d\\. "
                + "Closing does not stop the pump, and the station stops following it: stop it at the pump first\\. "
                + "The record keeps the pump's state at the close\\."), text("close-pump"));
        assertEquals("true", _get(Component.class, s -> s.withId("close-pump")).getElement().getAttribute("data-infusing"));
        _get(TextField.class, s -> s.withId("close-reason")).setValue("participant withdrew");
        fillCloseReasons();
        confirmClose();
        KaribuStation.until(() -> station.audit.stream().anyMatch(a -> a.type().equals("infusion.running_at_close")));
        String recorded = String.valueOf(station.audit.stream().filter(a -> a.type().equals("infusion.running_at_close")).findFirst().orElseThrow().payload());
        assertTrue(recorded.contains("52.5") && recorded.contains("20.3") && recorded.contains("reportedAt"), recorded);
    }

    @Test
    void closingWithThePumpNotInfusingSaysNothingOfThePumpAndRecordsNoRunningInfusion() {
        infusingWithThePumpRunning();
        pumpState("stopped");
        KaribuStation.until(() -> text("inf-pump").startsWith("Stopped"));
        click("step-close");
        assertTrue(_find(Component.class, s -> s.withId("close-pump")).isEmpty(), "no pump line: Karibu finds only what is shown");
        _get(TextField.class, s -> s.withId("close-reason")).setValue("participant withdrew");
        fillCloseReasons();
        confirmClose();
        assertTrue(station.audit.stream().noneMatch(a -> a.type().equals("infusion.running_at_close")));
    }

    @Test
    void theStartOverrideSaysWhichCheckHasClearedSinceTheLastTry() {
        startSession("ketamine-naltrexone-crossover");
        walk("step-baseline", "step-pretreatment");
        confirmStart();
        KaribuStation.until(() -> !_find(TextField.class, s -> s.withId("start-override-reason")).isEmpty());
        assertTrue(_find(Div.class, s -> s.withId("start-override-cleared")).isEmpty(), "nothing cleared at the first try");
        assertEquals(2, _get(UnorderedList.class, s -> s.withId("start-override-gates")).getChildren().count());
        click("start-override-cancel");
        // when the nurse takes a cuff reading and tries again, the dialog says the blood pressure check has cleared
        cuff(128, 82);
        confirmStart();
        KaribuStation.until(() -> !_find(Div.class, s -> s.withId("start-override-cleared")).isEmpty());
        assertEquals("Cleared since your last try:A blood pressure has been taken before dosing.", text("start-override-cleared"));
        assertTrue(text("start-override-why").contains("These checks before dosing are still not met:"), text("start-override-why"));
        assertEquals(1, _get(UnorderedList.class, s -> s.withId("start-override-gates")).getChildren().count(), text("start-override-why"));
        assertTrue(_find(Span.class, s -> s.withId("start-override-gate-no-pre-dose-nibp")).isEmpty());
    }

    @Test
    void aBaselineAfterTheCapsuleReadsOpenNowWithItsDueTimeNotDueIn45Min() {
        startSession("ketamine-naltrexone-crossover");
        walk("step-baseline", "step-pretreatment");
        // Williams 2018: baseline questionnaires after the capsule, just before the infusion (capsule + 45 min); the
        // rating is open now, so the prompt says so and when it is due by, not a 45-minute wait
        KaribuStation.until(() -> text("prompt-due").contains("due by"));
        String prompt = text("prompt-due");
        assertTrue(prompt.matches("(?s)Ratings at Baseline:  open now, due by \\d\\d:\\d\\d.*"), prompt);
        assertFalse(prompt.contains("due in"), prompt);
    }

    @Test
    void aBaselineOverdueFromAnEarlyStartReadsOverdueNeverDueIn() {
        startSession("ketamine-naltrexone-crossover");
        walk("step-baseline", "step-pretreatment");
        cuff(128, 82);
        confirmStart();
        KaribuStation.until(() -> !_find(TextField.class, s -> s.withId("start-override-reason")).isEmpty());
        _get(TextField.class, s -> s.withId("start-override-reason")).setValue("scanner slot moved; physician agreed");
        click("start-override-confirm");
        KaribuStation.until(() -> text("session-header").contains("Infusing"));
        // the baseline is due 45 min after the capsule, but overdue from the start: counted from the start, not to the capsule time
        KaribuStation.until(() -> text("prompt-due").contains("OVERDUE"));
        String prompt = text("prompt-due");
        assertTrue(prompt.startsWith("OVERDUE ratings at Baseline:  overdue 1 min"), prompt);
        assertFalse(prompt.contains("due in"), prompt);
    }

    @Test
    void closingAnUndosedSessionReturnsItsKitOnlyWhenStatedUnopenedWithAReason() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline");
        click("step-close");
        Checkbox unopened = _get(Checkbox.class, s -> s.withId("close-return-kit"));
        assertEquals("Kit KIT-0042 was never opened: return it to the kit pool", unopened.getLabel());
        assertFalse(unopened.getValue(), "the safe side by default: the kit stays out of the pool");
        _get(TextField.class, s -> s.withId("close-reason")).setValue("participant withdrew before dosing");
        fillCloseReasons();
        assertTrue(_get(Button.class, s -> s.withId("confirm-step")).isEnabled());
        unopened.setValue(true);
        assertFalse(_get(Button.class, s -> s.withId("confirm-step")).isEnabled(), "the return needs its own reason");
        _get(TextField.class, s -> s.withId("close-return-kit-reason")).setValue("seal intact, never opened");
        assertTrue(_get(Button.class, s -> s.withId("confirm-step")).isEnabled());
        click("confirm-step");
        KaribuStation.until(() -> station.audit.stream().anyMatch(a -> a.type().equals("session.closed")));
        var returned = station.audit.stream().filter(a -> a.type().equals("kit.returned")).toList();
        assertEquals(1, returned.size(), station.audit.toString());
        assertEquals("KIT-0042", returned.getFirst().payload().get("kitId"));
        assertTrue(String.valueOf(returned.getFirst().payload().get("reason")).contains("kit returned unopened: seal intact, never opened"),
                returned.getFirst().payload().toString());
    }

    @Test
    void closingADosedSessionNeverOffersToReturnItsKit() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start");
        click("step-close");
        assertTrue(_find(Checkbox.class, s -> s.withId("close-return-kit")).isEmpty(), "a dosed session's kit never goes back");
        _get(TextField.class, s -> s.withId("close-reason")).setValue("infusion stopped: participant unwell");
        fillCloseReasons();
        click("confirm-step");
        KaribuStation.until(() -> station.audit.stream().anyMatch(a -> a.type().equals("session.closed")));
        assertTrue(station.audit.stream().noneMatch(a -> a.type().equals("kit.returned")), station.audit.toString());
    }

    @Test
    void aStartRefusedForWantOfAPreDoseBloodPressureCanBeConfirmedWithAReason() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline");
        // given no blood pressure taken in this session, the station refuses the start and says a reason would do
        confirmStart();
        KaribuStation.until(() -> !_find(TextField.class, s -> s.withId("start-override-reason")).isEmpty());
        assertTrue(text("start-override-why").contains("No blood pressure has been taken before dosing in this session."),
                text("start-override-why"));
        assertFalse(_get(Button.class, s -> s.withId("start-override-confirm")).isEnabled(), "not without a reason");
        // when the nurse gives one, the start is recorded with it
        _get(TextField.class, s -> s.withId("start-override-reason")).setValue("cuff failed twice; physician agreed");
        click("start-override-confirm");
        KaribuStation.until(() -> text("session-header").contains("Infusing"));
        assertTrue(station.audit.stream().anyMatch(a -> String.valueOf(a.payload()).contains("cuff failed twice; physician agreed")),
                station.audit.toString());
    }

    @Test
    void anEarlyStartOnTheNaltrexoneCrossoverListsBothTheCapsuleLeadAndTheMissingBloodPressureAndOverridesBoth() {
        startSession("ketamine-naltrexone-crossover");
        walk("step-baseline", "step-pretreatment");
        // given the capsule just given and no blood pressure in this session: two gates are unmet, not one
        confirmStart();
        KaribuStation.until(() -> !_find(TextField.class, s -> s.withId("start-override-reason")).isEmpty());
        assertEquals(2, _get(UnorderedList.class, s -> s.withId("start-override-gates")).getChildren().count(), text("start-override-why"));
        // given under a minute ago: "just now", never "0 min ago"
        assertTrue(text("start-override-gate-pretreatment-lead").matches("Study capsule \\(naltrexone or placebo\\) was given just now; "
                + "the protocol starts the infusion 45 min after it \\(\\d+ min to go\\)\\."), text("start-override-gate-pretreatment-lead"));
        assertEquals("No blood pressure has been taken before dosing in this session.", text("start-override-gate-no-pre-dose-nibp"));
        // each rule's source is folded beneath its line, never in the line
        Details leadSource = _get(Details.class, s -> s.withId("start-override-gate-pretreatment-lead-source"));
        assertFalse(leadSource.isOpened());
        assertTrue(leadSource.getElement().getTextRecursively().contains("Williams 2018"), leadSource.getElement().getTextRecursively());
        assertFalse(_get(Details.class, s -> s.withId("start-override-gate-no-pre-dose-nibp-source")).isOpened());
        assertFalse(text("start-override-gate-pretreatment-lead").contains("Williams"));

        _get(TextField.class, s -> s.withId("start-override-reason")).setValue("scanner slot moved; cuff failed twice; physician agreed");
        click("start-override-confirm");
        KaribuStation.until(() -> text("session-header").contains("Infusing"));
        var overridden = station.audit.stream().filter(a -> a.type().equals("predose.gate_overridden")).toList();
        assertEquals(1, overridden.size(), station.audit.toString());
        List<?> concerns = (List<?>) overridden.getFirst().payload().get("concerns");
        assertEquals(2, concerns.size(), concerns.toString());
        assertTrue(String.valueOf(concerns.get(0)).startsWith("the infusion starts 45 min after Study capsule"), concerns.toString());
        assertEquals("no pre-dose NIBP recorded in this session", concerns.get(1));
    }

    @Test
    void readyForDischargeWhileTheCheckIsNotMetIsForAPhysicianWithAReason() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start", "step-end-of-infusion", "step-observation");
        // given a nurse: the unmet criteria are listed, only a physician may go on
        click("step-ready-for-discharge");
        assertTrue(text("confirm-not-met").contains("Not met"), text("confirm-not-met"));
        // T+26 (during the 52-min infusion, ended at T+0) is not due, so not still to rate (docs/clinical.md, Rating schedule)
        assertTrue(text("confirm-not-met").contains("still to rate or mark not assessed: Baseline, End of infusion, T+80 min"),
                "time points in staff words, never ids: " + text("confirm-not-met"));
        assertTrue(text("confirm-not-met-physician-only").contains("Only a physician"), text("confirm-not-met-physician-only"));
        assertFalse(_get(Button.class, s -> s.withId("confirm-step")).isEnabled(), "a nurse cannot override unmet criteria");
        click("confirm-cancel");
        // when a physician signs in here: the step needs a reason, then it is taken
        signInHere("doc", Role.PHYSICIAN);
        // the physician's discharge line says what they may do, not "only a physician can override"
        KaribuStation.until(() -> text("discharge-summary").startsWith("Discharge:"));
        assertTrue(text("discharge-summary").matches("Discharge: \\d of \\d met; you may record it with a reason"), text("discharge-summary"));
        click("step-ready-for-discharge");
        assertFalse(_get(Button.class, s -> s.withId("confirm-step")).isEnabled(), "not without a reason");
        _get(TextField.class, s -> s.withId("confirm-not-met-reason")).setValue("reviewed at the bedside");
        click("confirm-step");
        KaribuStation.until(() -> text("session-header").contains("Ready for discharge"));
    }

    @Test
    void closingEarlyCanGiveTheSameReasonForEveryRatingNotDoneInOneTapEachStillEditable() {
        startSession("ketamine-naltrexone-crossover");
        click("step-close");
        assertFalse(_get(Button.class, s -> s.withId("close-reason-all")).isEnabled(), "nothing to copy yet");
        _get(TextField.class, s -> s.withId("close-reason")).setValue("participant withdrew consent");
        oneReasonForTheRest("asleep", "participant withdrew consent", 10);
        assertTrue(_get(Button.class, s -> s.withId("confirm-step")).isEnabled());
    }

    @Test
    void closingAfterReadyForDischargeAlsoOffersOneReasonForEveryRatingNotDoneAndKeepsThoseGivenOneByOne() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start", "step-end-of-infusion", "step-observation");
        signInHere("doc", Role.PHYSICIAN);
        click("step-ready-for-discharge");
        _get(TextField.class, s -> s.withId("confirm-not-met-reason")).setValue("reviewed at the bedside");
        click("confirm-step");
        KaribuStation.until(() -> text("session-header").contains("Ready for discharge"));
        click("step-close");
        assertTrue(_find(TextField.class, s -> s.withId("close-reason")).isEmpty(), "no early-close reason after ready for discharge");
        String asked = String.join(" | ", closeReasonFields().stream().map(TextField::getLabel).toList());
        assertTrue(asked.contains("CADSS at Baseline") && asked.contains("CADSS at T+80 min"), "each rating not done is still listed: " + asked);
        assertFalse(_get(Button.class, s -> s.withId("close-reason-all")).isEnabled(), "nothing to copy yet");
        _get(TextField.class, s -> s.withId("close-common-reason")).setValue("scanner slot");
        oneReasonForTheRest("asleep", "scanner slot", 5);
        String recorded = confirmClose();
        assertTrue(recorded.contains("(asleep)") && recorded.contains("CADSS at T+80 min (scanner slot)"), recorded);
    }

    @Test
    void theDischargeLineSaysWhoMayRecordReadyForDischargeWhileTheCheckIsNotMetAndTheNursesDialogAgrees() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start", "step-end-of-infusion", "step-observation");
        String line = text("discharge-summary");
        assertTrue(line.matches("Discharge: \\d of \\d met; only a physician can override"), line);
        assertFalse(line.contains("advisory"), "the check binds a nurse's step: " + line);
        click("step-ready-for-discharge");
        assertTrue(text("confirm-not-met-physician-only").contains("Only a physician"), text("confirm-not-met-physician-only"));
        assertFalse(_get(Button.class, s -> s.withId("confirm-step")).isEnabled());
    }

    @Test
    void recordedRatingsAreListedInTheSchedulesOrderBaselineFirstEvenWhenRatedLast() {
        startSession("ketamine-midazolam-active-placebo");
        walk("step-baseline", "step-confirm-infusion-start", "step-end-of-infusion");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-end-of-infusion-moaas")).isEmpty());
        click("rate-end-of-infusion-moaas");
        click("score-5");
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        click("rating-done");
        click("rate-baseline-vas"); // the baseline, overdue since the start, rated last
        for (int i = 0; i < 3; i++) {
            var line = _get(Component.class, s -> s.withId("vas-line")).getElement();
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-change", JsonMapper.builder().build().createObjectNode().put("event.detail.value", 10)));
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-commit", JsonMapper.builder().build().createObjectNode()));
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        click("rating-done");
        KaribuStation.until(() -> _find(Div.class, s -> s.withClasses("rating-line")).size() == 2);
        List<String> rows = _find(Div.class, s -> s.withClasses("rating-line")).stream().map(d -> d.getElement().getTextRecursively()).toList();
        assertTrue(rows.get(0).startsWith("Baseline") && rows.get(1).startsWith("End of infusion"), rows.toString());
    }

    @Test
    void theRatingsTabListsWhatWasRecordedFirstThenWhatIsStillToRateWithTheNextOneMarkedInWords() {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-baseline-vas")).isEmpty());
        click("rate-baseline-vas");
        for (int i = 0; i < 3; i++) {
            var line = _get(Component.class, s -> s.withId("vas-line")).getElement();
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-change", JsonMapper.builder().build().createObjectNode().put("event.detail.value", 20)));
            ElementUtilsKt._fireDomEvent(line, new DomEvent(line, "vas-commit", JsonMapper.builder().build().createObjectNode()));
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        click("rating-done");
        tab("Ratings");
        KaribuStation.until(() -> text("ratings-recorded").contains("VAS"));

        // done first, then still to rate: the recorded rows sit above the time points to come
        Div list = _get(Div.class, s -> s.withClasses("prompt-list"));
        assertEquals(List.of("ratings-recorded", "prompt-upcoming"), list.getChildren().map(c -> c.getId().orElse("")).toList());
        List<Component> toRate = _get(Div.class, s -> s.withId("prompt-upcoming")).getChildren().toList();
        assertTrue(toRate.size() >= 2, "baseline's open forms and the later time points: " + toRate.size());
        // the baseline's other forms are still open: it is the one to rate next, marked and said in words, the only one marked
        Component first = toRate.get(0);
        assertTrue(first.getElement().getTextRecursively().startsWith("Baseline"), first.getElement().getTextRecursively());
        assertTrue(first.getElement().getTextRecursively().endsWith("Due"), first.getElement().getTextRecursively());
        // it lists the forms still to rate there, not the VAS just recorded
        assertEquals("BaselineCADSS, BPRS+Due", first.getElement().getTextRecursively());
        assertEquals("true", first.getElement().getAttribute("data-next"));
        assertEquals("step", first.getElement().getAttribute("aria-current"));
        assertEquals(1, toRate.stream().filter(c -> "true".equals(c.getElement().getAttribute("data-next"))).count(), "one next time point");
        // the time points after the infusion start have no time yet and say why, in words
        // ... and say what each waits for: the infusion start, or the end of the infusion (never "Waiting for its start")
        assertTrue(toRate.get(1).getElement().getTextRecursively().endsWith("Waiting for the infusion start"), toRate.get(1).getElement().getTextRecursively());
        Component end = toRate.stream().filter(c -> c.getElement().getTextRecursively().startsWith("End of infusion")).findFirst().orElseThrow();
        assertTrue(end.getElement().getTextRecursively().endsWith("Waiting for the end of the infusion"), end.getElement().getTextRecursively());
        // the overview card's next rating names the same forms: not the VAS already recorded
        UI.getCurrent().navigate("");
        KaribuStation.until(() -> !_find(Component.class, s -> s.withId("bed-01-next")).isEmpty() && text("bed-01-next").contains("Baseline"));
        assertTrue(text("bed-01-next").startsWith("CADSS, BPRS+ at Baseline: "), text("bed-01-next"));
    }

    @Test
    void closingListsEveryRatingNotDoneAndRecordsAReasonForEach() {
        startSession("ketamine-naltrexone-crossover");
        click("step-close");
        String asked = String.join(" | ", closeReasonFields().stream().map(TextField::getLabel).toList());
        assertTrue(asked.contains("BPRS+ at Baseline") && asked.contains("CADSS at T+80 min"), asked);
        assertFalse(_get(Button.class, s -> s.withId("confirm-step")).isEnabled());
        _get(TextField.class, s -> s.withId("close-reason")).setValue("participant withdrew");
        int reasons = fillCloseReasons();
        assertTrue(reasons >= 10, "one reason per form and time point: " + reasons);
        assertTrue(_get(Button.class, s -> s.withId("confirm-step")).isEnabled());
        String recorded = confirmClose();
        assertTrue(recorded.contains("participant withdrew") && recorded.contains("CADSS at T+80 min (participant left early)"), recorded);
    }

    @Test
    void staffReadWordsAndUnitsNeverInternalIds() {
        startSession("ketamine-midazolam-active-placebo"); // its baseline is rated at session start (the crossover waits for the capsule lead)
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-baseline-bprs_pos")).isEmpty());
        String page = _get(BedView.class).getElement().getTextRecursively();
        assertTrue(page.length() > 200, page);
        for (String internal : new String[] {"bprs_pos", "moaas", "MOAAS", "Scheduled due", "VOLUME_AHEAD", "RATE_OFF_PLAN", "t80", "INFUSING"}) {
            assertFalse(page.contains(internal), internal + " shown in: " + page);
        }
        assertTrue(page.contains("Rate BPRS+"), page);
        assertTrue(page.contains("T+80 min"), page);
        assertTrue(text("infusion").contains("Rate mL/h (pump/plan)"), text("infusion"));
    }

    @Test
    void aWeightThatIsNotANumberSaysWhatIsWrong() {
        KaribuStation.until(() -> ((Select<?>) _get(Select.class, s -> s.withId("start-protocol"))).getValue() != null);
        _get(TextField.class, s -> s.withId("start-subject")).setValue("KET-014");
        _get(IntegerField.class, s -> s.withId("start-age")).setValue(42);
        _get(NumberField.class, s -> s.withId("start-weight")).clear();
        click("start-button");
        assertTrue(text("refusal").startsWith("Weight: enter a number of kilograms"), text("refusal"));
        assertFalse(text("refusal").contains("protocol"), text("refusal"));
        assertTrue(_get(NumberField.class, s -> s.withId("start-weight")).isInvalid());
    }

    @Test
    void aMissingSubjectCodeOrKitIsSaidInStaffWordsBeforeTheStationIsAsked() {
        KaribuStation.until(() -> ((Select<?>) _get(Select.class, s -> s.withId("start-protocol"))).getValue() != null);
        _get(IntegerField.class, s -> s.withId("start-age")).setValue(42);
        _get(NumberField.class, s -> s.withId("start-weight")).setValue(70.0);
        _get(TextField.class, s -> s.withId("start-subject")).setValue("Smith");
        click("start-button");
        assertTrue(text("refusal").startsWith("Subject code: enter the study code, e.g. KET-014"), text("refusal"));
        assertTrue(_get(TextField.class, s -> s.withId("start-subject")).isInvalid());

        _get(TextField.class, s -> s.withId("start-subject")).setValue("ket-014");
        click("start-button");
        // the kit left empty: the form's words, not the station's ("kit id must be 1-32 letters, digits or dashes")
        assertTrue(text("refusal").startsWith("Kit: enter the kit number"), text("refusal"));
        assertFalse(text("refusal").contains("kit id"), text("refusal"));
        assertTrue(_get(TextField.class, s -> s.withId("start-kit")).isInvalid());
        assertTrue(station.audit.isEmpty());

        _get(TextField.class, s -> s.withId("start-kit")).setValue("KIT-0042");
        click("start-button");
        KaribuStation.until(() -> text("session-header").startsWith("KET-014"));
    }

    @Test
    void theParticipantsAgeIsAskedInYearsAndRecordedWithTheSession() {
        KaribuStation.until(() -> ((Select<?>) _get(Select.class, s -> s.withId("start-protocol"))).getValue() != null);
        _get(TextField.class, s -> s.withId("start-subject")).setValue("KET-014");
        _get(NumberField.class, s -> s.withId("start-weight")).setValue(70.0);
        _get(TextField.class, s -> s.withId("start-kit")).setValue("KIT-0042");
        _get(IntegerField.class, s -> s.withId("start-age")).setValue(1958);
        click("start-button");
        assertTrue(text("refusal").startsWith("Age: enter the age in whole years, 1 to 120 (not a birth date)"), "a birth year is not an age");
        assertTrue(station.audit.isEmpty());

        _get(IntegerField.class, s -> s.withId("start-age")).setValue(68);
        click("start-button");
        KaribuStation.until(() -> text("session-header").startsWith("KET-014"));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("session.created") && a.payload().get("ageYears").equals(68)),
                station.audit.toString());
    }

    @Test
    void theLastBloodPressureShowsAtOnceWhenTheBedViewOpensAgain() {
        Instant taken = Instant.now().minusSeconds(150);
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.NIBP_SYS, 131, taken, taken, 1));
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.NIBP_DIA, 84, taken, taken, 2));
        KaribuStation.until(() -> text("num-nibp-value").equals("131/84"));

        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("bed/bed-01");
        assertEquals("131/84", text("num-nibp-value"), "shown on opening, before any new reading");
        assertEquals("2 min ago", text("num-nibp-age"));
    }

    @Test
    void aDisconnectedMonitorAndASilentTraceSayWhy() {
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.HR, 72, now, now, 1));
        KaribuStation.until(() -> text("num-hr-value").equals("72"));
        assertEquals("", text("num-hr-signal"));
        assertEquals("Waiting for data", _get(Component.class, s -> s.withId("trace-pleth"))
                .getElement().getAttribute("data-signal-label"));

        station.vertx.eventBus().publish(Addresses.DEVICE_STATUS, new DeviceStatus(
                new DeviceRef("bed-01", "monitor"), false, Instant.now()));
        KaribuStation.until(() -> text("num-hr-signal").equals("Device disconnected"));
        assertEquals("disconnected", _get(Div.class, s -> s.withId("num-hr")).getElement().getAttribute("data-signal"));
    }

    @Test
    void aTechnicalAlarmNamesTheDeviceByItsKindAndBedAndNoConfiguredDeviceIdReachesThePage() {
        startSession("ketamine-midazolam-active-placebo");
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "mon-s5-7"), Stream.HR, 72, now, now, 1));
        KaribuStation.until(() -> text("num-hr-value").equals("72"));
        station.vertx.eventBus().publish(Addresses.DEVICE_STATUS, new DeviceStatus(new DeviceRef("bed-01", "spare-mon-22"), false, Instant.now()));
        station.vertx.eventBus().publish(Addresses.TECHNICAL_ALARM, new TechnicalAlarm(DeviceAlarms.DEVICE_SILENT, true,
                "bed-01/mon-s5-7 sent nothing for 12 s", Instant.now(), Optional.of(new DeviceRef("bed-01", "mon-s5-7"))));
        KaribuStation.until(() -> text("alarm-banner").contains("Monitor 2 disconnected (bed 1)") && text("alarm-banner").contains("Monitor silent (bed 1)"));
        assertEquals("Disconnected: Monitor 2", text("bed-devices"));
        tab("Alarms");
        KaribuStation.until(() -> text("alarm-recent").contains("Monitor silent (bed 1)"));
        String page = UI.getCurrent().getElement().getTextRecursively();
        for (String id : List.of("mon-s5-7", "spare-mon-22")) {
            assertFalse(page.contains(id), id + " on the bed view: " + page);
        }
        // the overview says the same
        UI.getCurrent().navigate("");
        try {
            KaribuStation.until(() -> !_find(Component.class, s -> s.withId("bed-01-alarm")).isEmpty()
                    && text("bed-01-alarm").equals("High priority: Monitor 2 disconnected (bed 1)"));
        } catch (AssertionError e) {
            throw new AssertionError("the card reads: " + UI.getCurrent().getElement().getTextRecursively(), e);
        }
        String overview = UI.getCurrent().getElement().getTextRecursively();
        for (String id : List.of("mon-s5-7", "spare-mon-22")) {
            assertFalse(overview.contains(id), id + " on the overview: " + overview);
        }
    }
}
