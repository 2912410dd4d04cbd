package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.alarm.AlarmEngine;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.domain.Stream;

/** After the infusion the session keeps asking for NIBP (every 15 min in the shipped protocols) until ready for discharge. */
class PostInfusionVitalsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private static List<String> overdue(Outcome o, AlarmEvent.Kind kind) {
        return o.alarms().stream().filter(a -> a.alarmId().equals(AlarmEngine.NIBP_OVERDUE) && a.kind() == kind).map(AlarmEvent::message).toList();
    }

    @Test
    void fromTheEndOfTheInfusionUntilReadyForDischargeAMissingNibpIsOverdueAfterSixteenMinutes() {
        SessionRuntime r = new SessionRuntime(SessionTest.newSession("ketamine-midazolam-active-placebo"), AlarmSettings.DEFAULTS);
        r.command(new SessionEvent.BaselineStarted(T0, "nurse-1"));
        Instant start = T0.plus(Duration.ofMinutes(10));
        r.command(new SessionEvent.InfusionStarted(start, "nurse-1", "nurse"));
        Instant end = start.plus(Duration.ofMinutes(52));
        r.vital(Stream.NIBP_SYS, 128, end.minusSeconds(30), end.minusSeconds(30));
        r.command(new SessionEvent.InfusionCompleted(end, "nurse-1", 60));

        assertEquals(List.of(), overdue(r.tick(end.plus(Duration.ofMinutes(16))), AlarmEvent.Kind.RAISED));
        assertEquals(List.of("no NIBP for more than 16 min after the infusion (until discharge)"),
                overdue(r.tick(end.plus(Duration.ofMinutes(17))), AlarmEvent.Kind.RAISED));
        Instant cuff = end.plus(Duration.ofMinutes(18));
        assertEquals(1, overdue(r.vital(Stream.NIBP_SYS, 131, cuff, cuff), AlarmEvent.Kind.CLEARED).size());

        Instant observing = end.plus(Duration.ofMinutes(20));
        r.command(new SessionEvent.ObservationStarted(observing, "nurse-1"));
        assertEquals(1, overdue(r.tick(cuff.plus(Duration.ofMinutes(17))), AlarmEvent.Kind.RAISED).size());
        Instant ready = cuff.plus(Duration.ofMinutes(18));
        Outcome discharged = r.command(new SessionEvent.ReadyForDischarge(ready, "dr-1"));
        assertEquals(1, overdue(discharged, AlarmEvent.Kind.CLEARED).size());
        assertTrue(overdue(r.tick(ready.plus(Duration.ofHours(1))), AlarmEvent.Kind.RAISED).isEmpty());
    }
}
