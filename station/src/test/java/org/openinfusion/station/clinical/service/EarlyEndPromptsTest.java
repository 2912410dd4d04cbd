package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.station.testing.Sessions;
import org.openinfusion.testing.MutableClock;

/**
 * The midazolam protocol's T+26 rating (during its 52-min infusion) after the pump stopped at minute 20 and the nurse
 * ended the infusion: not due, with the reason, in the trail (so in every export that carries it), in the bed view and
 * after a restart; the discharge check does not wait for it; the later time points keep their times.
 */
class EarlyEndPromptsTest {
    private static final DeviceRef PUMP = new DeviceRef("bed-02", "pump");
    private static final String REASON = "infusion ended early at T+20";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final InstrumentCatalog instruments = InstrumentCatalog.builtIn();

    private void pump(SessionService s, String state, double vi) {
        Instant now = clock.instant();
        s.state(new StateSample(PUMP, Stream.PUMP_STATE, state, now, now, 0));
        s.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, state.equals("infusing") ? 60 : 0, now, now, 0));
        s.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, vi, now, now, 0));
    }

    private static Prompt prompt(SessionView v, String id) {
        return v.prompts().stream().filter(p -> p.timePointId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aDuringInfusionRatingAfterAnEarlyStopIsNotDueWithItsReasonInTheTrailTheViewAndAfterARestart() throws Exception {
        Path file = dir.resolve("audit.log");
        Instant start;
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService before = Sessions.service(instruments, AuditFileTrail.of(log), clock);
            before.create("nurse1", "bed-02", "ketamine-midazolam-active-placebo", "KET-600", SubjectMeasures.weight(70), "KIT-6");
            before.command("bed-02", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
            clock.advance(Duration.ofMinutes(5));
            start = clock.instant();
            for (int minute = 0; minute < 20; minute++) {
                pump(before, "infusing", minute);
                before.tick();
                clock.advance(Duration.ofMinutes(1));
            }
            pump(before, "stopped", 20);
            before.command("bed-02", new SessionEvent.InfusionCompleted(clock.instant(), "nurse1", 20));
            clock.advance(Duration.ofMinutes(30));
            before.tick();

            SessionView v = new SessionCommandHandler(before).view("bed-02");
            Prompt t26 = prompt(v, "t26");
            assertEquals(PromptState.NOT_APPLICABLE, t26.state(), v.prompts().toString());
            assertEquals(Optional.of(REASON), t26.notDueReason());
            assertEquals(Optional.of(start.plus(Duration.ofMinutes(26))), t26.due(), "listed with its own time, not dropped");
            assertEquals(PromptState.SCHEDULED, prompt(v, "t80").state(), "after the planned 52 min: keeps its time");
            DischargeCheck.Criterion ratings = v.dischargeCheck().orElseThrow().criteria().stream()
                    .filter(c -> c.kind() == DischargeCheck.Kind.SCHEDULED_RATINGS).findFirst().orElseThrow();
            assertFalse(ratings.timePoints().contains("t26"), ratings.toString());
            assertTrue(ratings.timePoints().contains("t80"), ratings.toString());
        }
        List<Recorded> trail = HistoryReader.history(file).entries();
        List<Recorded> notDue = trail.stream().filter(r -> r.written().type().equals("prompt.not_applicable")).toList();
        assertEquals(1, notDue.size(), "one entry, for t26");
        assertEquals("t26", notDue.getFirst().written().payload().get("timePoint"));
        assertEquals(REASON, notDue.getFirst().written().payload().get("reason"));
        assertTrue(notDue.getFirst().event() instanceof TrailEvent.PromptChanged p && p.transition().reason().equals(REASON));

        SessionService after = Sessions.service(instruments, (actor, session, event) -> { }, clock);
        assertEquals(1, after.restore(HistoryReader.history(file)).sessions());
        Prompt restored = prompt(new SessionCommandHandler(after).view("bed-02"), "t26");
        assertEquals(PromptState.NOT_APPLICABLE, restored.state());
        assertEquals(Optional.of(REASON), restored.notDueReason());
    }

    @Test
    void anEndWhileThePumpStillInfusedShowsThePumpsOwnCountOnceItStoppedAlsoAfterARestart() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService before = Sessions.service(instruments, AuditFileTrail.of(log), clock);
            SessionCommandHandler bedside = new SessionCommandHandler(before);
            String id = before.create("nurse1", "bed-02", "ketamine-midazolam-active-placebo", "KET-601", SubjectMeasures.weight(70), "KIT-7").id();
            before.command("bed-02", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
            for (int minute = 0; minute <= 4; minute++) {
                observed(bedside, id, before, "infusing", minute * 1.1); // 4.4 mL at 4 min
                clock.advance(Duration.ofMinutes(1));
            }
            // the nurse ends the infusion on the station while the pump still infuses; the pump is stopped at 4.5 mL
            bedside.observe(id, before.command("bed-02", new SessionEvent.InfusionCompleted(clock.instant(), "nurse1",
                    before.pump("bed-02").volumeInfusedMl())));
            String planned = "%.1f".formatted(plannedMl(before));
            assertEquals(List.of("EARLY_STOP: stopped at 4.4 of " + planned + " mL (pump's count)"), earlyStop(bedside.view("bed-02")));
            clock.advance(Duration.ofSeconds(2));
            observed(bedside, id, before, "stopped", 4.5);
            SessionView v = bedside.view("bed-02");
            assertEquals(List.of("EARLY_STOP: stopped at 4.5 of " + planned + " mL (pump's count after it stopped; 4.4 mL when the end was recorded)"),
                    earlyStop(v));
            assertEquals(4.5, v.infusion().volumeInfusedMl(), 1e-9, "the volume line: the pump's latest count, the same figure");
        }
        SessionService after = Sessions.service(instruments, (actor, session, event) -> { }, clock);
        after.restore(HistoryReader.history(file));
        assertTrue(earlyStop(new SessionCommandHandler(after).view("bed-02")).getFirst().contains("stopped at 4.5 of"));
        assertEquals(4.5, HistoryReader.history(file).sessions().getFirst().volumeInfusedMl().orElseThrow(), 1e-9,
                "exposure: the pump's own count");
    }

    private static List<String> earlyStop(SessionView v) {
        return v.infusion().deviations().stream().filter(d -> d.startsWith("EARLY_STOP")).toList();
    }

    private void observed(SessionCommandHandler bedside, String id, SessionService s, String state, double vi) {
        Instant now = clock.instant();
        bedside.observe(id, s.state(new StateSample(PUMP, Stream.PUMP_STATE, state, now, now, 0)));
        bedside.observe(id, s.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, state.equals("infusing") ? 60 : 0, now, now, 0)));
        bedside.observe(id, s.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, vi, now, now, 0)));
    }

    private static double plannedMl(SessionService s) {
        return s.onBed("bed-02").orElseThrow().session().plan().volumeMl();
    }
}
