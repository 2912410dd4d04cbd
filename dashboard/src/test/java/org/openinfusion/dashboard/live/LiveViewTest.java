package org.openinfusion.dashboard.live;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.users.CurrentUser;
import org.openinfusion.dashboard.users.StationUser;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;

class LiveViewTest {
    private KaribuStation station;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
        station.signIn("nurse1", Role.NURSE);
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    private static String text(String id) {
        return _get(Component.class, s -> s.withId(id)).getElement().getTextRecursively();
    }

    private void sample(String bed, Stream stream, double value) {
        Instant now = Instant.now();
        station.vertx.eventBus().publish(Addresses.NUMERIC, new NumericSample(new DeviceRef(bed, "monitor"), stream, value, now, now, 1));
    }

    private void command(SessionCommand c) throws Exception {
        station.vertx.eventBus().request(Addresses.SESSION_COMMAND, c, BusGuard.options(CurrentUser.require().token(), 5000))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void listsEveryBedWithItsValuesAndOneTapToItsBedView() {
        UI.getCurrent().navigate("");
        assertInstanceOf(LiveView.class, UI.getCurrent().getCurrentView());
        sample("bed-02", Stream.HR, 71);

        KaribuStation.until(() -> text("bed-02-hr").equals("71"));
        Anchor card = _get(Anchor.class, s -> s.withId("bed-bed-02"));
        assertEquals("bed/bed-02", card.getHref());
        assertEquals("", card.getElement().getAttribute("router-link"));
    }

    @Test
    void bedsAreInTheOrderOfTheirNamesWhicheverSentFirstAndTheHeaderNamesThePersonNotTheAccount() {
        Principal nora = new Principal("nurse7", Role.NURSE, "Nora Nurse");
        CurrentUser.set(new StationUser(nora, station.signIns.open(nora)));
        sample("bed-13", Stream.HR, 70);
        sample("bed-11", Stream.HR, 70);
        sample("bed-12", Stream.HR, 70);
        UI.getCurrent().navigate("");
        KaribuStation.until(() -> text("bed-12-hr").equals("70"));
        sample("bed-10", Stream.HR, 70); // a bed whose data comes after the page opened
        KaribuStation.until(() -> text("bed-10-hr").equals("70"));

        List<String> order = _find(Anchor.class, s -> s.withClasses("bed-card")).stream().map(a -> a.getId().orElseThrow())
                .filter(id -> id.matches("bed-bed-1[0-3]")).toList();
        assertEquals(List.of("bed-bed-10", "bed-bed-11", "bed-bed-12", "bed-bed-13"), order);
        assertEquals("Nora Nurse (nurse)", text("signed-in"));
    }

    @Test
    void theCardNamesAnOverdueOrOpenTimePointBeforeAScheduledOneDueSooner() {
        Instant capsule = Instant.parse("2026-12-06T01:30:00Z");
        // the infusion started 2 min after the capsule over the 45-min lead: the baseline is overdue, its due time still ahead
        Prompt baseline = new Prompt("baseline", List.of("hamd17", "vas"), Optional.of(capsule.plusSeconds(45 * 60)), PromptState.OVERDUE,
                Optional.of(capsule.plusSeconds(120)));
        Prompt t20 = new Prompt("t20", List.of("cadss6", "vas"), Optional.of(capsule.plusSeconds(22 * 60)), PromptState.SCHEDULED);
        assertEquals("baseline", BedCard.next(List.of(baseline, t20)).orElseThrow().timePointId(), "not T+20 min by its sooner due time");
        // before the capsule the baseline is open with no due time yet: named, not skipped
        Prompt open = new Prompt("baseline", List.of("cadss"), Optional.empty(), PromptState.DUE);
        assertEquals("baseline", BedCard.next(List.of(open, t20)).orElseThrow().timePointId());
        assertEquals("t20", BedCard.next(List.of(t20, new Prompt("t80", List.of("cadss"), Optional.empty(), PromptState.SCHEDULED)))
                .orElseThrow().timePointId());
        assertTrue(BedCard.next(List.of(new Prompt("t80", List.of("cadss"), Optional.empty(), PromptState.COMPLETED))).isEmpty());
    }

    @Test
    void theStationsHealthReadsInStaffWordsWithTheBufferOnlyWhenRecordsWaitInIt() {
        assertEquals("Devices link connected - records saved", LiveView.healthLine(true, true, 0.0001));
        assertEquals("Devices link connected - records being saved (3.0 % of the buffer waiting)", LiveView.healthLine(true, true, 0.03));
        assertEquals("Devices link DISCONNECTED - STORAGE UNREACHABLE: records kept on this station until it answers (buffer 12.5 % full)",
                LiveView.healthLine(false, false, 0.125));
    }

    @Test
    void showsFourBedsInDifferentStatesWithAlarmNextRatingAndUnits() throws Exception {
        String nurse = "nurse1";
        command(new SessionCommand.CreateSession(nurse, "bed-02", "ketamine-naltrexone-crossover", "KET-002", 70, "KIT-2"));
        command(new SessionCommand.CreateSession(nurse, "bed-03", "ketamine-midazolam-active-placebo", "KET-003", 70, "KIT-3"));
        command(new SessionCommand.SessionStep(nurse, "bed-03", Step.BASELINE, ""));
        command(new SessionCommand.CreateSession(nurse, "bed-04", "ketamine-midazolam-active-placebo", "KET-004", 70, "KIT-4"));
        for (String bed : new String[] {"bed-01", "bed-02", "bed-03", "bed-04"}) {
            sample(bed, Stream.HR, 70);
        }
        sample("bed-04", Stream.SPO2, 85);
        UI.getCurrent().navigate("");

        KaribuStation.until(() -> _find(Anchor.class, s -> s.withClasses("bed-card")).size() == 4);
        KaribuStation.until(() -> text("bed-04-alarm").contains("SpO2 85 %: below the limit 92 %"));
        assertEquals("high", _get(Component.class, s -> s.withId("bed-04-alarm")).getElement().getAttribute("data-priority"));
        KaribuStation.until(() -> text("bed-03-next").contains("at Baseline: due"));
        assertTrue(text("bed-03-next").startsWith("CADSS, BPRS+, VAS"), text("bed-03-next"));
        assertTrue(text("bed-02-session").contains("KET-002") && text("bed-02-session").contains("Created"), text("bed-02-session"));
        assertEquals("No session", text("bed-01-session"));
        // the infusion's two figures wrap only between each other, never between a value and its unit
        KaribuStation.until(() -> text("bed-02-infusion").contains("min"));
        assertTrue(text("bed-02-infusion").matches("\\d+:\\d\\d\u00a0/\u00a0\\d+:\\d\\d\u00a0min +[\\d.]+\u00a0/\u00a0[\\d.]+\u00a0mL"),
                text("bed-02-infusion"));
        assertTrue(text("bed-bed-04").contains("NIBP") && text("bed-bed-04").contains("mmHg"), text("bed-bed-04"));
        Component spo2Tile = _get(Component.class, s -> s.withId("bed-04-spo2")).getParent().orElseThrow().getParent().orElseThrow();
        assertEquals("high", spo2Tile.getElement().getAttribute("data-alarm"));
    }

    @Test
    void aBedsCardShowsEachAlarmChangeThatTheStationPublishesWithoutTheOverviewAskingForTheSession() throws Exception {
        command(new SessionCommand.CreateSession("nurse1", "bed-04", "ketamine-midazolam-active-placebo", "KET-004", 70, "KIT-4"));
        sample("bed-04", Stream.HR, 70);
        UI.getCurrent().navigate("");
        KaribuStation.until(() -> text("bed-04-session").contains("KET-004"));
        LiveView overview = (LiveView) UI.getCurrent().getCurrentView();
        assertTrue(overview.alarmsStreaming());
        // from now on the overview's own requests for the session view go unanswered
        station.vertx.eventBus().addOutboundInterceptor(ctx -> {
            if (!Addresses.SESSION_VIEW.equals(ctx.message().address())) {
                ctx.next();
            }
        });

        sample("bed-04", Stream.SPO2, 85);
        KaribuStation.until(() -> text("bed-04-alarm").contains("SpO2 85 %: below the limit 92 %"));
        command(new SessionCommand.AcknowledgeAlarm("nurse1", "bed-04", "LIMIT:spo2:lo92"));
        KaribuStation.until(() -> "true".equals(_get(Component.class, s -> s.withId("bed-04-alarm")).getElement().getAttribute("data-acknowledged")));
        sample("bed-04", Stream.SPO2, 97);
        KaribuStation.until(() -> _find(Component.class, s -> s.withId("bed-04-alarm")).isEmpty());

        UI.getCurrent().navigate("bed/bed-04");
        assertFalse(overview.alarmsStreaming(), "the overview left");
    }

    @Test
    void anAcknowledgedAlarmOnACardNamesWhoAcknowledgedWithoutBracketsInBrackets() throws Exception {
        station.signIn("nurse7", Role.NURSE);
        command(new SessionCommand.CreateSession("nurse7", "bed-04", "ketamine-midazolam-active-placebo", "KET-004", 70, "KIT-4"));
        sample("bed-04", Stream.HR, 70);
        sample("bed-04", Stream.SPO2, 85);
        UI.getCurrent().navigate("");
        KaribuStation.until(() -> text("bed-04-alarm").contains("SpO2 85 %: below the limit 92 %"));
        command(new SessionCommand.AcknowledgeAlarm("nurse7", "bed-04", "LIMIT:spo2:lo92"));
        KaribuStation.until(() -> text("bed-04-alarm").contains("acknowledged"));
        // the printed name with the role, after a dot: never "(acknowledged by Nora Nurse (nurse))", never the account id
        assertEquals("High priority: SpO2 85 %: below the limit 92 % \u00b7 acknowledged by Nora Nurse (nurse)", text("bed-04-alarm"));
        command(new SessionCommand.SilenceAlarm("nurse7", "bed-04", "LIMIT:spo2:lo92", 120));
        KaribuStation.until(() -> text("bed-04-alarm").contains("silenced"));
        assertTrue(text("bed-04-alarm").matches("High priority: SpO2 85 %: below the limit 92 % \u00b7 acknowledged by Nora Nurse \\(nurse\\) \u00b7 silenced until \\d\\d:\\d\\d"),
                text("bed-04-alarm"));
    }

    @Test
    void aCuffWithoutAReadingYetReadsNoReadingYetAsOnTheBedViewWhileAStreamNotYetHeardFromWaitsForData() {
        sample("bed-03", Stream.HR, 70);
        UI.getCurrent().navigate("");
        KaribuStation.until(() -> text("bed-03-hr").equals("70"));
        assertEquals("no reading yet", text("bed-03-nibp_sys-age"));
        assertEquals("Waiting for data", text("bed-03-spo2-age"));
    }
}
