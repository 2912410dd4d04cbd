package org.openinfusion.station.clinical.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.alarm.AlarmEvent.Kind;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.TechnicalAlarmId;

class AlarmEngineTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final Protocol PROTOCOL = ProtocolCatalog.builtIn().latest("ketamine-naltrexone-crossover").orElseThrow();

    private final AlarmEngine engine = new AlarmEngine(PROTOCOL, AlarmSettings.DEFAULTS);

    private static List<Kind> kinds(List<AlarmEvent> events) {
        return events.stream().map(AlarmEvent::kind).toList();
    }

    @Test
    void heartRateAboveItsLimitRaisesAHighAlarmThatClearsWhenItComesBack() {
        engine.infusing(true, T);
        List<AlarmEvent> raised = engine.value(Stream.HR, 125, T, T);
        // (HR > 110 is also a hold criterion in this protocol)
        assertEquals(List.of(Kind.RAISED, Kind.HOLD_ADVISED), kinds(raised));
        assertEquals("LIMIT:hr:lo50:hi120", raised.getFirst().alarmId());
        assertEquals(AlarmPriority.HIGH, raised.getFirst().priority());
        assertEquals("HR 125 > 120", raised.getFirst().message());
        assertEquals(List.of(Kind.CLEARED), kinds(engine.value(Stream.HR, 80, T.plusSeconds(1), T.plusSeconds(1))));
    }

    @Test
    void lowLimitsWorkToo() {
        // two tiers: below 95 (NCT05803551, medium) and below 92 (site default, high)
        assertEquals(List.of("SPO2 88 < 95", "SPO2 88 < 92"), engine.value(Stream.SPO2, 88, T, T).stream().map(AlarmEvent::message).toList());
        assertEquals("RR 7 < 10", engine.value(Stream.RESP_RATE, 7, T, T).getFirst().message());
        assertEquals(AlarmPriority.MEDIUM, engine.active().stream().filter(a -> a.id().startsWith("LIMIT:rr")).findFirst().orElseThrow().priority());
    }

    @Test
    void aValueOlderThanItsAgeLimitIsNotCurrentAndNoLongerAlarms() {
        engine.value(Stream.HR, 125, T, T);
        assertEquals(List.of(), engine.tick(T.plusSeconds(15)));
        assertEquals(List.of(Kind.CLEARED), kinds(engine.tick(T.plusSeconds(16))));
        // and an old value never raises one
        assertEquals(List.of(), engine.value(Stream.HR, 140, T, T.plusSeconds(20)));
    }

    @Test
    void aFiveMinuteOldNibpIsCurrentASevenMinuteOldOneIsNot() {
        assertEquals(List.of(Kind.RAISED), kinds(engine.value(Stream.NIBP_SYS, 185, T, T.plus(Duration.ofMinutes(5)))));
        // a 7-minute-old reading raises nothing
        AlarmEngine fresh = new AlarmEngine(PROTOCOL, AlarmSettings.DEFAULTS);
        assertEquals(List.of(), fresh.value(Stream.NIBP_SYS, 185, T, T.plus(Duration.ofMinutes(7))));
    }

    @Test
    void aHypertensionEpisodeIsNotEndedByItsCuffValueAgeingOutOnlyByACurrentReadingWithinTheLimit() {
        engine.value(Stream.NIBP_SYS, 185, T, T);
        // the cuff's next reading is late: the 185 ages out at 6 min, the episode goes on
        assertEquals(List.of(), kinds(engine.tick(T.plus(Duration.ofMinutes(7)))).stream().filter(k -> k == Kind.CLEARED).toList());
        assertTrue(engine.active().stream().anyMatch(a -> a.id().equals("LIMIT:nibp_sys:lo90:hi180")));
        assertEquals(T, engine.active().stream().filter(a -> a.id().startsWith("LIMIT:nibp_sys")).findFirst().orElseThrow().raisedAt());
        // a late cuff reading still high continues the same episode (no second RAISED)
        Instant late = T.plus(Duration.ofMinutes(11));
        assertFalse(kinds(engine.value(Stream.NIBP_SYS, 182, late, late)).contains(Kind.RAISED));
        // a current reading back within the limit ends it
        Instant back = T.plus(Duration.ofMinutes(16));
        List<AlarmEvent> cleared = engine.value(Stream.NIBP_SYS, 150, back, back);
        assertEquals(List.of(Kind.CLEARED), kinds(cleared));
        assertEquals(back, cleared.getFirst().at());
    }

    @Test
    void holdAdvisoriesAreGivenOnlyWhileInfusing() {
        assertFalse(kinds(engine.value(Stream.HR, 115, T, T)).contains(Kind.HOLD_ADVISED), "before the infusion: no advice to pause it");
        // once the infusion runs, the current value is advised on at once
        assertTrue(kinds(engine.infusing(true, T.plusSeconds(1))).contains(Kind.HOLD_ADVISED));
        engine.infusing(false, T.plusSeconds(3));
        Instant after = T.plusSeconds(4);
        assertEquals(List.of(), engine.value(Stream.HR, 116, after, after).stream().filter(e -> e.kind() == Kind.HOLD_ADVISED).toList());
    }

    @Test
    void afterTheInfusionNibpIsExpectedEveryFifteenMinutesUntilDischarge() {
        engine.infusing(true, T);
        Instant end = T.plus(Duration.ofMinutes(40));
        engine.value(Stream.NIBP_SYS, 130, end, end);
        engine.infusing(false, end);
        engine.observing(true, end);
        // 15 min cadence plus the protocol's 1 min slack (6 - 5)
        assertEquals(List.of(), engine.tick(end.plus(Duration.ofMinutes(16))));
        List<AlarmEvent> overdue = engine.tick(end.plus(Duration.ofMinutes(16)).plusSeconds(1));
        assertEquals(AlarmEngine.NIBP_OVERDUE, overdue.getFirst().alarmId());
        assertEquals("no NIBP for more than 16 min after the infusion (until discharge)", overdue.getFirst().message());
        Instant reading = end.plus(Duration.ofMinutes(17));
        assertEquals(List.of(Kind.CLEARED), kinds(engine.value(Stream.NIBP_SYS, 128, reading, reading)));
        // ready for discharge: no longer expected
        engine.observing(false, reading);
        assertEquals(List.of(), engine.tick(reading.plus(Duration.ofHours(1))));
    }

    @Test
    void holdAdvisoryNamesTheRuleAndTheValueOnce() {
        engine.infusing(true, T);
        List<AlarmEvent> events = engine.value(Stream.NIBP_SYS, 185, T, T);
        AlarmEvent advice = events.stream().filter(e -> e.kind() == Kind.HOLD_ADVISED).findFirst().orElseThrow();
        assertTrue(advice.message().startsWith("SBP 185 > 180: consider pausing the infusion per protocol"), advice.message());
        assertEquals("HOLD:sbp-180", advice.alarmId());
        assertFalse(kinds(engine.value(Stream.NIBP_SYS, 186, T.plusSeconds(300), T.plusSeconds(300))).contains(Kind.HOLD_ADVISED));
    }

    @Test
    void aHoldAdvisoryAppliesWhileInfusingAndTheValueIsOverItsRuleAndIsNeverAnActiveAlarm() {
        engine.infusing(true, T);
        engine.value(Stream.NIBP_SYS, 185, T, T);
        assertEquals(List.of("HOLD:sbp-180"), engine.advisories().stream().map(AlarmEvent::alarmId).toList());
        assertTrue(engine.active().stream().noneMatch(a -> a.id().startsWith("HOLD:")), "advice, not an alarm");
        engine.value(Stream.NIBP_SYS, 150, T.plusSeconds(60), T.plusSeconds(60));
        assertEquals(List.of(), engine.advisories(), "the value is back under the rule");
        engine.value(Stream.NIBP_SYS, 186, T.plusSeconds(120), T.plusSeconds(120));
        assertEquals(1, engine.advisories().size());
        engine.infusing(false, T.plusSeconds(130));
        engine.tick(T.plusSeconds(131));
        assertEquals(List.of(), engine.advisories(), "only while infusing");
    }

    @Test
    void noNibpForMoreThanSixMinutesDuringTheInfusionIsAnAlarm() {
        engine.infusing(true, T);
        assertEquals(List.of(), engine.tick(T.plus(Duration.ofMinutes(6))));
        List<AlarmEvent> overdue = engine.tick(T.plus(Duration.ofMinutes(6)).plusSeconds(1));
        assertEquals(AlarmEngine.NIBP_OVERDUE, overdue.getFirst().alarmId());
        assertEquals("no NIBP for more than 6 min during the infusion", overdue.getFirst().message());
        Instant reading = T.plus(Duration.ofMinutes(7));
        assertEquals(List.of(Kind.CLEARED), kinds(engine.value(Stream.NIBP_SYS, 120, reading, reading)));
        // not an alarm outside the infusion
        engine.infusing(false, reading);
        assertEquals(List.of(), engine.tick(reading.plus(Duration.ofMinutes(30))));
    }

    @Test
    void acknowledgeSilenceForABoundedTimeAndEscalateWhenUnacknowledged() {
        engine.value(Stream.SPO2, 85, T, T);
        String id = engine.active().getFirst().id();
        // unacknowledged for 60 s -> escalated
        assertEquals(List.of(Kind.ESCALATED), kinds(engine.value(Stream.SPO2, 85, T.plusSeconds(60), T.plusSeconds(60))));
        // silence asked for 10 min is capped at 2 min
        AlarmEvent silenced = engine.silence(id, "nurse-1", Duration.ofMinutes(10), T.plusSeconds(61)).getFirst();
        assertEquals("nurse-1", silenced.by());
        assertTrue(silenced.message().endsWith("(silenced 120 s)"));
        ActiveAlarm a = engine.active().getFirst();
        assertFalse(a.audible(T.plusSeconds(100)));
        assertTrue(a.audible(T.plusSeconds(182)));
        AlarmEvent ack = engine.acknowledge(id, "nurse-1", T.plusSeconds(62)).getFirst();
        assertEquals(Kind.ACKNOWLEDGED, ack.kind());
        assertEquals("nurse-1", engine.active().getFirst().acknowledgedBy().orElseThrow());
    }

    @Test
    void technicalAlarmsComeAndGoWithTheirCondition() {
        List<AlarmEvent> on = engine.technical(TechnicalAlarmId.ofDevice("DEVICE_DISCONNECTED", "monitor"), true, AlarmPriority.HIGH, "monitor disconnected", T);
        assertEquals("TECH:DEVICE_DISCONNECTED:monitor", on.getFirst().alarmId());
        assertEquals(List.of(Kind.CLEARED), kinds(engine.technical(TechnicalAlarmId.ofDevice("DEVICE_DISCONNECTED", "monitor"), false, AlarmPriority.HIGH, "", T.plusSeconds(5))));
    }

    @Test
    void aValueStampedInTheFutureCannotShadowTheValuesAfterIt() {
        engine.value(Stream.SPO2, 98, T.plus(Duration.ofHours(12)), T);
        List<AlarmEvent> events = engine.value(Stream.SPO2, 80, T.plusSeconds(1), T.plusSeconds(1));
        assertTrue(kinds(events).contains(Kind.RAISED), events.toString());
    }

    @Test
    void pausesDoNotResetTheNoNibpTimer() {
        engine.infusing(true, T);
        engine.infusing(false, T.plus(Duration.ofMinutes(3)));
        engine.infusing(true, T.plus(Duration.ofMinutes(4)));
        List<AlarmEvent> overdue = engine.tick(T.plus(Duration.ofMinutes(6)).plusSeconds(1));
        assertEquals(AlarmEngine.NIBP_OVERDUE, overdue.getFirst().alarmId());
    }

    @Test
    void activeAlarmsAreOrderedByPriority() {
        engine.value(Stream.RESP_RATE, 40, T, T);
        engine.value(Stream.HR, 130, T.plusSeconds(1), T.plusSeconds(1));
        assertEquals(AlarmPriority.HIGH, engine.active().getFirst().priority());
    }
}
