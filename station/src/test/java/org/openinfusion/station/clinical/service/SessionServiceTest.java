package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.session.Session;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

class SessionServiceTest {
    private record Entry(String type, String actor, String session, Map<String, Object> payload) {
    }

    private final List<Entry> audit = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final SessionService service = Sessions.service((EncodedAudit) (t, a, s, p) -> audit.add(new Entry(t, a, s, p)), clock);
    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump");

    private void pumpSecond(String state, double rate, double vi) {
        service.state(new StateSample(PUMP, Stream.PUMP_STATE, state, clock.instant(), clock.instant(), 0));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, rate, clock.instant(), clock.instant(), 0));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, vi, clock.instant(), clock.instant(), 0));
    }

    @Test
    void thePumpStartsTheSessionsInfusionAndEveryStepIsAuditedWithoutTheArm() {
        Session s = service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-7");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofSeconds(60));
        pumpSecond("infusing", 69.2, 0);
        assertEquals(SessionState.INFUSING, service.onBed("bed-01").orElseThrow().session().state());

        List<String> types = audit.stream().map(Entry::type).toList();
        assertEquals("session.created", types.getFirst());
        assertTrue(types.contains("session.baseline_started"));
        assertTrue(types.contains("infusion.started"));
        assertTrue(types.contains("session.infusion_started"));
        assertTrue(audit.stream().allMatch(e -> e.session().equals(s.id())));
        assertEquals("KET-101", audit.getFirst().payload().get("subjectCode"));
        String everything = audit.toString().toLowerCase(Locale.ROOT);
        assertFalse(everything.contains("midazolam 0.0"), "no arm in the audit payloads");
        assertFalse(everything.contains("mg/ml"), "no concentration in the audit payloads");
    }

    @Test
    void aNewSessionOnABedNeverShowsTheVolumeThePumpInfusedInThePreviousOne() {
        service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-7");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofSeconds(60));
        pumpSecond("infusing", 69.2, 0.4);
        clock.advance(Duration.ofSeconds(60));
        pumpSecond("stopped", 0, 1.1); // stopped early; the pump keeps its counter until it is programmed again
        service.command("bed-01", new SessionEvent.InfusionCompleted(clock.instant(), "nurse-1", 1.1));
        service.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse-1", "withdrew"));
        assertEquals(1.1, new SessionCommandHandler(service).view("bed-01").infusion().volumeInfusedMl(), 1e-9);

        service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-102", SubjectMeasures.weight(70), "KIT-8");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofSeconds(5));
        pumpSecond("stopped", 0, 1.1);
        assertEquals(0, new SessionCommandHandler(service).view("bed-01").infusion().volumeInfusedMl(), "not started: nothing infused yet");
        clock.advance(Duration.ofSeconds(5));
        pumpSecond("infusing", 60, 0.1); // programmed for this session: its counter starts again
        assertEquals(0.1, new SessionCommandHandler(service).view("bed-01").infusion().volumeInfusedMl(), 1e-9);
    }

    @Test
    void aSecondSessionOnTheSameBedHoldsNoneOfTheFirstSessionsPromptsAndNoPromptBeforeItBegan() {
        String first = shortInfusion("KET-101", "KIT-7");
        List<Entry> before = List.copyOf(audit);
        clock.advance(Duration.ofMinutes(1));
        String second = shortInfusion("KET-102", "KIT-8");
        List<Entry> after = audit.subList(before.size(), audit.size());

        assertTrue(after.stream().allMatch(e -> second.equals(e.session())), "nothing written after the second session began is the first's");
        List<Entry> prompts = after.stream().filter(e -> e.type().startsWith("prompt.")).toList();
        assertTrue(prompts.stream().anyMatch(e -> "end-of-infusion".equals(e.payload().get("timePoint"))), prompts.toString());
        Instant created = Instant.parse((String) after.getFirst().payload().get("at"));
        assertEquals("session.created", after.getFirst().type());
        List<Entry> early = prompts.stream().filter(e -> Instant.parse((String) e.payload().get("at")).isBefore(created)).toList();
        assertEquals(List.of(), early, "no prompt of the second session is stamped before it was created");
        assertTrue(before.stream().filter(e -> e.type().startsWith("prompt.")).allMatch(e -> first.equals(e.session())));
    }

    /** A session whose infusion is ended by hand 2 min after it started (well inside end-of-infusion's 5 min window), closed. */
    private String shortInfusion(String subject, String kit) {
        String id = service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", subject, SubjectMeasures.weight(80), kit).id();
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofSeconds(30));
        service.command("bed-01", new SessionEvent.InfusionStarted(clock.instant(), "nurse-1", "nurse"));
        clock.advance(Duration.ofMinutes(2));
        service.tick();
        service.command("bed-01", new SessionEvent.InfusionCompleted(clock.instant(), "nurse-1", 2));
        clock.advance(Duration.ofSeconds(10));
        service.tick();
        service.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse-1", "stopped early"));
        return id;
    }

    @Test
    void aSecondSessionOnTheSameBedIsRefused() {
        service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-7");
        assertThrows(IllegalStateException.class,
                () -> service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-102", SubjectMeasures.weight(80), "KIT-8"));
    }

    @Test
    void aSubjectWithAnOpenSessionCannotBeStartedOnASecondBedUntilItIsClosed() {
        service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-7");
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> service.create("nurse-1", "bed-02", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-8"));
        assertEquals("this subject already has an open session, on bed bed-01: close it there first", twice.getMessage());
        assertTrue(service.onBed("bed-02").isEmpty(), "nothing opened on the second bed");
        // another subject may use the second bed; once closed, the subject may start again (a later period)
        service.create("nurse-1", "bed-02", "ketamine-midazolam-active-placebo", "KET-102", SubjectMeasures.weight(80), "KIT-9");
        service.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse-1", "not dosed"));
        service.create("nurse-1", "bed-03", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-10");
    }

    @Test
    void whenTheAuditTrailFailsTheStepFails() {
        SessionService failing = Sessions.service((EncodedAudit) (t, a, s, p) -> { throw new IllegalStateException("disk full"); }, clock);
        assertThrows(IllegalStateException.class,
                () -> failing.create("nurse-1", "bed-02", "ketamine-midazolam-active-placebo", "KET-103", SubjectMeasures.weight(80), "KIT-9"));
        assertTrue(failing.onBed("bed-02").isEmpty(), "nothing happened that was not recorded");
    }

    @Test
    void vitalsOnAnOpenSessionRaiseAuditedAlarms() {
        service.create("nurse-1", "bed-01", "ketamine-naltrexone-crossover", "KET-104", SubjectMeasures.weight(70), "KIT-1");
        service.numeric(new NumericSample(new DeviceRef("bed-01", "monitor"), Stream.HR, 130, clock.instant(), clock.instant(), 0));
        assertTrue(audit.stream().anyMatch(e -> e.type().equals("alarm.raised") && "HR 130 > 120".equals(e.payload().get("message"))));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(1, service.acknowledge("bed-01", "LIMIT:hr:lo50:hi120", "nurse-1").alarms().size());
        assertEquals("nurse-1", audit.getLast().actor());
    }

    @Test
    void closingWhileThePumpInfusesRecordsTheInfusionsStateAtTheCloseFromThePumpsLastReport() {
        Session s = service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-7");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofSeconds(60));
        pumpSecond("infusing", 69.2, 0);
        clock.advance(Duration.ofMinutes(10));
        pumpSecond("infusing", 69.2, 11.5);
        Instant reported = clock.instant();
        clock.advance(Duration.ofSeconds(4));
        service.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse-1", "participant withdrew"));

        List<Entry> atClose = audit.stream().filter(e -> e.type().equals("infusion.running_at_close")).toList();
        assertEquals(1, atClose.size(), audit.stream().map(Entry::type).toList().toString());
        Entry e = atClose.getFirst();
        assertEquals(s.id(), e.session());
        assertEquals(clock.instant().toString(), e.payload().get("at"));
        assertEquals(69.2, ((Number) e.payload().get("rateMlPerHour")).doubleValue(), 1e-9);
        assertEquals(11.5, ((Number) e.payload().get("volumeInfusedMl")).doubleValue(), 1e-9);
        assertEquals(reported.toString(), e.payload().get("reportedAt"), "its source: the pump's last report, and when");
        // recorded with the close itself: the closed session follows the pump no more
        int closed = audit.stream().map(Entry::type).toList().indexOf("session.closed");
        assertTrue(closed >= 0 && audit.indexOf(e) > closed, "with the close");
        clock.advance(Duration.ofSeconds(30));
        int written = audit.size();
        pumpSecond("stopped", 0, 12.1);
        assertEquals(written, audit.size(), "nothing is written to a closed session");
    }

    @Test
    void closingAfterThePumpStoppedRecordsNoRunningInfusion() {
        service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-7");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofSeconds(60));
        pumpSecond("infusing", 69.2, 0);
        clock.advance(Duration.ofMinutes(10));
        pumpSecond("stopped", 0, 11.5);
        service.command("bed-01", new SessionEvent.InfusionCompleted(clock.instant(), "nurse-1", 11.5));
        service.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse-1", "participant withdrew"));
        assertTrue(audit.stream().noneMatch(e -> e.type().equals("infusion.running_at_close")), audit.stream().map(Entry::type).toList().toString());
    }

    @Test
    void endingTheInfusionWhileThePumpRunsOnThenClosingRecordsThePumpStillInfusing() {
        service.create("nurse-1", "bed-01", "ketamine-midazolam-active-placebo", "KET-101", SubjectMeasures.weight(80), "KIT-7");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofSeconds(60));
        pumpSecond("infusing", 69.2, 0);
        clock.advance(Duration.ofMinutes(10));
        pumpSecond("infusing", 69.2, 11.5);
        service.command("bed-01", new SessionEvent.InfusionCompleted(clock.instant(), "nurse-1", 11.5));
        clock.advance(Duration.ofSeconds(2));
        pumpSecond("infusing", 69.2, 11.6); // not stopped at the pump
        service.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse-1", "participant left"));
        Entry e = audit.stream().filter(x -> x.type().equals("infusion.running_at_close")).findFirst().orElseThrow();
        assertEquals(11.6, ((Number) e.payload().get("volumeInfusedMl")).doubleValue(), 1e-9);
    }
}
