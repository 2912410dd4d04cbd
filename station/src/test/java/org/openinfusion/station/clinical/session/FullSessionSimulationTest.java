package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.infusion.PumpReading;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.schedule.PromptTransition;
import org.openinfusion.station.domain.Stream;

/**
 * A whole naltrexone-protocol session in simulated time: baseline, capsule, a 40-minute infusion
 * started by the pump with one 3-minute pause, ratings when prompted (one forgotten), a blood
 * pressure spike, three hours of observation and discharge. Runs in well under a second.
 */
class FullSessionSimulationTest {
    private final List<Object> audit = new ArrayList<>();
    private SessionRuntime runtime;

    private void record(Outcome o) {
        audit.addAll(o.session());
        audit.addAll(o.infusion());
        audit.addAll(o.prompts());
        audit.addAll(o.alarms());
    }

    private <T> List<T> all(Class<T> type) {
        return audit.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aSessionFromCreationToDischarge() {
        Instant t0 = SessionTest.T;
        runtime = new SessionRuntime(SessionTest.newSession("ketamine-naltrexone-crossover"), AlarmSettings.DEFAULTS);
        record(runtime.command(new SessionEvent.BaselineStarted(t0, "nurse-1")));
        Instant capsule = t0.plus(Duration.ofMinutes(20));
        Instant pumpStart = capsule.plus(Duration.ofMinutes(45));
        double volume = 0;
        double plannedVolume = runtime.session().plan().volumeMl();
        double rate = runtime.session().plan().rateMlPerHour();
        for (Instant now = t0; now.isBefore(pumpStart.plus(Duration.ofHours(4))); now = now.plusSeconds(2)) {
            if (now.equals(capsule)) {
                record(runtime.command(new SessionEvent.PretreatmentGiven(now, "nurse-1")));
            }
            // the pump: standby, infusing (paused for 3 min at 10 min), completed
            long sinceStart = Duration.between(pumpStart, now).toSeconds();
            boolean paused = sinceStart >= 600 && sinceStart < 780;
            String state = now.isBefore(pumpStart) ? "standby" : volume >= plannedVolume ? "completed" : paused ? "paused" : "infusing";
            record(runtime.pump(new PumpReading(now, state, state.equals("infusing") ? rate : 0, volume), now));
            if (state.equals("infusing")) {
                volume = Math.min(plannedVolume, volume + rate * 2 / 3600);
            }
            // vitals: HR every 2 s; NIBP every 5 min, one spike to 186 at 35 min into the infusion
            record(runtime.vital(Stream.HR, 78, now, now));
            if (sinceStart >= 0 && sinceStart % 300 == 0) {
                record(runtime.vital(Stream.NIBP_SYS, sinceStart == 2100 ? 186 : 128, now, now));
            }
            rateWhatIsDue(now);
            if (runtime.session().state() == SessionState.INFUSION_COMPLETE) {
                record(runtime.command(new SessionEvent.ObservationStarted(now, "nurse-1")));
            }
        }
        Instant end = runtime.session().infusionEnd().orElseThrow();
        record(runtime.command(new SessionEvent.ReadyForDischarge(end.plus(Duration.ofHours(3)).plusSeconds(1200), "dr-1")));
        record(runtime.command(new SessionEvent.Closed(end.plus(Duration.ofHours(3)).plusSeconds(1300), "nurse-1", "discharged")));

        // then the session went through every state, the infusion started when the pump did
        assertEquals(SessionState.CLOSED, runtime.session().state());
        SessionEvent.InfusionStarted started = all(SessionEvent.InfusionStarted.class).getFirst();
        assertEquals(pumpStart, started.at());
        assertEquals("pump", started.source());
        // the infusion clock stopped for the pause: 40 infusing minutes, 43 on the wall
        InfusionEvent.Completed done = all(InfusionEvent.Completed.class).getFirst();
        assertTrue(Math.abs(done.infusingTime().toSeconds() - 2400) <= 6, done.toString());
        assertEquals(Duration.ofMinutes(3), done.pausedTotal());
        assertEquals(1, all(SessionEvent.InfusionPaused.class).size());
        assertTrue(all(InfusionEvent.Deviation.class).isEmpty(), all(InfusionEvent.Deviation.class).toString());
        // every time point was completed except the one nobody rated (t80), which was missed
        for (Prompt p : runtime.prompts()) {
            assertEquals(p.timePointId().equals("t80") ? PromptState.MISSED : PromptState.COMPLETED, p.state(), p.toString());
        }
        assertTrue(all(PromptTransition.class).stream().anyMatch(t -> t.timePointId().equals("t80") && t.to() == PromptState.OVERDUE));
        // the blood-pressure spike raised a high alarm and a hold advisory naming the rule and the value
        assertTrue(all(AlarmEvent.class).stream().anyMatch(a -> a.kind() == AlarmEvent.Kind.HOLD_ADVISED
                && a.message().startsWith("SBP 186 > 180: consider pausing")));
        // NIBP every 5 minutes: never "no NIBP" during the infusion
        assertTrue(all(AlarmEvent.class).stream().noneMatch(a -> a.alarmId().equals("NIBP_OVERDUE")));
    }

    private void rateWhatIsDue(Instant now) {
        for (Prompt p : runtime.prompts()) {
            if ((p.state() == PromptState.DUE) && !p.timePointId().equals("t80")) {
                for (String instrument : p.instruments()) {
                    record(runtime.rated(p.timePointId(), instrument, now));
                }
            }
        }
    }
}
