package org.openinfusion.dashboard.bed;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.rating.RatingDialog;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

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
        return _get(com.vaadin.flow.component.Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    private static void click(String id) {
        _click(_get(Button.class, s -> s.withId(id)));
    }

    private void startSession(String protocolId) {
        KaribuStation.until(() -> !_get(StartSessionFormSelect.type(), s -> s.withId("start-protocol")).getListDataView().getItems().toList().isEmpty());
        @SuppressWarnings("unchecked")
        Select<ProtocolChoices.Choice> protocol = _get(Select.class, s -> s.withId("start-protocol"));
        protocol.getListDataView().getItems().filter(c -> c.id().equals(protocolId)).findFirst().ifPresent(protocol::setValue);
        _get(TextField.class, s -> s.withId("start-subject")).setValue("KET-014");
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
        _get(NumberField.class, s -> s.withId("start-weight")).setValue(70.0);
        _get(TextField.class, s -> s.withId("start-kit")).setValue("KIT-1");
        click("start-button");
        KaribuStation.until(() -> !com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications().isEmpty());
        String shown = com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications().getFirst().getElement().getProperty("text", "")
                + com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications().getFirst().getElement().getTextRecursively();
        assertTrue(shown.contains("never a name"), shown);
        assertTrue(station.audit.isEmpty());
    }

    @Test
    void walksThroughPretreatmentInfusionEndObservationAndDischarge() {
        startSession("ketamine-buprenorphine-double-dummy");
        for (String step : new String[] {"step-baseline", "step-pretreatment", "step-confirm-infusion-start", "step-end-of-infusion",
                "step-observation", "step-ready-for-discharge"}) {
            click(step);
            KaribuStation.until(() -> _find(Button.class, s -> s.withId(step)).isEmpty());
        }
        assertTrue(text("session-header").contains("Ready for discharge"));
        assertTrue(text("discharge-check").contains("CADSS - not rated since the end of infusion; needs <= 4"), text("discharge-check"));
        click("step-close");
        KaribuStation.until(() -> _get(Div.class, s -> s.withId("start-session")).isVisible());
        assertTrue(station.audit.stream().anyMatch(a -> a.type().equals("session.closed")));
    }

    @Test
    void completesACadssFormWhenPromptedAndShowsTheStationsTotal() {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-baseline-cadss")).isEmpty());
        assertTrue(text("prompt-due").contains("Due now: baseline"));

        click("rate-baseline-cadss");
        RatingDialog dialog = _get(RatingDialog.class);
        assertEquals("CADSS item 1  [subject-rated]", text("rating-item"));
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
    void ratesAVisualAnalogueScaleWithANumberField() {
        startSession("ketamine-midazolam-active-placebo");
        click("step-baseline");
        KaribuStation.until(() -> !_find(Button.class, s -> s.withId("rate-baseline-vas")).isEmpty());
        click("rate-baseline-vas");
        assertEquals("High  [subject-rated]", text("rating-item"));
        for (int value : new int[] {40, 10, 0}) {
            _get(com.vaadin.flow.component.textfield.IntegerField.class, s -> s.withId("score-value")).setValue(value);
            click("score-set");
        }
        click("rating-submit");
        KaribuStation.until(() -> !_find(Span.class, s -> s.withId("rating-result")).isEmpty());
        assertEquals("Recorded. No total for this instrument", text("rating-result"));
    }

    @Test
    void aCorrectionNeedsAReason() {
        completesACadssFormWhenPromptedAndShowsTheStationsTotal();
        click("rating-done");
        _click(_get(Button.class, s -> s.withText("Correct")));
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
        KaribuStation.until(() -> text("marker-recent").contains("Nausea"));
        _get(TextField.class, s -> s.withId("marker-note")).setValue("asked for water");
        click("marker-note-add");
        KaribuStation.until(() -> text("marker-recent").contains("Note: asked for water"));
        assertEquals(2, station.audit.stream().filter(a -> a.type().equals("marker.recorded")).count());
    }

    @Test
    void showsAnAlarmByPriorityAndAcknowledgesIt() {
        startSession("ketamine-midazolam-active-placebo");
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.SPO2, 85, now, now, 1));
        KaribuStation.until(() -> text("alarm-banner").contains("SPO2 85 < 92"));
        // SpO2 85 is below both tiers: < 95 (medium, NCT05803551) and < 92 (high, site default); the high one is listed first
        java.util.List<Div> alarms = _find(Div.class, s -> s.withClasses("alarm"));
        assertEquals(java.util.List.of("LIMIT:spo2:lo92", "LIMIT:spo2:lo95"),
                alarms.stream().map(d -> d.getElement().getAttribute("data-alarm-id")).toList());
        Div alarm = alarms.getFirst();
        assertEquals("high", alarm.getElement().getAttribute("data-priority"));
        KaribuStation.until(() -> "high".equals(_get(Div.class, s -> s.withId("num-spo2")).getElement().getAttribute("data-alarm")));

        _click(_get(alarm, Button.class, s -> s.withText("Acknowledge")));
        KaribuStation.until(() -> text("alarm-banner").contains("acknowledged by nurse1"));
        assertTrue(station.audit.stream().anyMatch(a -> a.type().startsWith("alarm.") && a.actor().equals("nurse1")));
    }
}
