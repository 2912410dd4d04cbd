package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/**
 * A station restarted mid-infusion takes the open session up from its audit trail and then records exactly what an
 * uninterrupted station records from the same inputs.
 */
class SessionRestoreTest {
    private static final String BED = "bed-01";
    private static final DeviceRef PUMP = new DeviceRef(BED, "pump");
    private static final DeviceRef MONITOR = new DeviceRef(BED, "monitor");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final InstrumentCatalog instruments = InstrumentCatalog.builtIn();

    private SessionService service(AuditLog log) {
        return Sessions.service(instruments, AuditFileTrail.of(log), clock);
    }

    /** Ten-second steps of pump and monitor values; the pump pauses in [pauseFrom, pauseTo) minutes of the infusion. */
    private static final class Patient {
        double volume;
        double rate;
        double planned;
        int second;

        void step(List<SessionService> stations, Instant now) {
            boolean paused = second >= 300 && second < 360;
            boolean done = volume >= planned - 1e-9;
            String state = done ? "completed" : paused ? "paused" : "infusing";
            for (SessionService s : stations) {
                s.state(new StateSample(PUMP, Stream.PUMP_STATE, state, now, now, second));
                s.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, paused || done ? 0 : rate, now, now, second));
                s.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, volume, now, now, second));
                s.numeric(new NumericSample(MONITOR, Stream.HR, 72, now, now, second));
                if (second % 240 == 0) {
                    s.numeric(new NumericSample(MONITOR, Stream.NIBP_SYS, 124, now, now, second));
                    s.numeric(new NumericSample(MONITOR, Stream.NIBP_DIA, 78, now, now, second));
                }
                s.tick();
            }
            if (!paused && !done) {
                volume = Math.min(planned, volume + rate * 10 / 3600);
            }
            second += 10;
        }
    }

    private Rating vasAtBaseline(String id) {
        Map<String, Answer> answers = new HashMap<>();
        for (Item item : instruments.get("vas").items()) {
            answers.put(item.id(), Answer.score(item.min()));
        }
        return new Rating(id, "vas", null, "baseline", "nurse", "nurse1", clock.instant(), clock.instant(), answers, null);
    }

    private static List<String> after(Path file, long seq) throws IOException {
        return AuditReader.readVerified(file).stream().filter(e -> e.seq() > seq)
                .map(e -> e.type() + " " + e.actor() + " " + e.payload()).toList();
    }

    @Test
    void aSessionTakenUpAfterARestartCarriesOnAsIfNothingHappened() throws Exception {
        Path first = dir.resolve("first.log");
        Path second = dir.resolve("second.log");
        Patient patient = new Patient();
        try (AuditLog uninterruptedLog = AuditLog.open(first, clock)) {
            SessionService uninterrupted = service(uninterruptedLog);
            uninterrupted.create("nurse1", BED, "ketamine-midazolam-active-placebo", "KET-400", SubjectMeasures.weight(80), "KIT-4");
            uninterrupted.command(BED, new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
            uninterrupted.record(BED, vasAtBaseline("r-vas-1"));
            patient.rate = uninterrupted.onBed(BED).orElseThrow().session().plan().rateMlPerHour();
            patient.planned = uninterrupted.onBed(BED).orElseThrow().session().plan().volumeMl();
            clock.advance(Duration.ofMinutes(10));
            for (int i = 0; i < 60; i++) {           // 10 minutes of infusion, with a 1-minute pause at 5 minutes
                patient.step(List.of(uninterrupted), clock.instant());
                clock.advance(Duration.ofSeconds(10));
            }
            // the station stops here; its audit trail is what a restarted station finds
            Files.copy(first, second);
            long crashSeq = uninterruptedLog.size();
            try (AuditLog restartedLog = AuditLog.open(second, clock)) {
                SessionService restarted = service(restartedLog);
                SessionService.Restored r = restarted.restore(HistoryReader.history(second));
                assertEquals(1, r.sessions());
                assertTrue(r.problems().isEmpty(), r.problems().toString());
                var before = uninterrupted.onBed(BED).orElseThrow();
                var after = restarted.onBed(BED).orElseThrow();
                // the clock counts infusing time up to the last reading it saw: after the next one, both agree
                patient.step(List.of(uninterrupted, restarted), clock.instant());
                clock.advance(Duration.ofSeconds(10));
                assertEquals(SessionState.INFUSING, after.session().state());
                assertEquals(before.session().toString(), after.session().toString());
                assertEquals(before.infusion().infusingTime(), after.infusion().infusingTime());
                assertEquals(before.infusion().pauses(), after.infusion().pauses());
                assertEquals(before.prompts(), after.prompts(), "the baseline stays done, nothing is due twice");

                // when both get the same inputs until well after the end of the infusion
                for (int i = 0; i < 399; i++) {
                    patient.step(List.of(uninterrupted, restarted), clock.instant());
                    clock.advance(Duration.ofSeconds(10));
                }
                // then both record the same entries (completion, prompts, infusing time, pauses)
                List<String> expected = after(first, crashSeq);
                assertTrue(expected.stream().anyMatch(e -> e.startsWith("infusion.completed")), expected.toString());
                assertTrue(expected.stream().anyMatch(e -> e.startsWith("prompt.due")), expected.toString());
                assertEquals(expected, after(second, crashSeq));
            }
        }
    }

    @Test
    void closedSessionsStayClosedAndAnUnknownProtocolVersionIsReportedNotFatal() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService s = service(log);
            s.create("nurse1", "bed-02", "ketamine-midazolam-active-placebo", "KET-401", SubjectMeasures.weight(70), "KIT-5");
            s.command("bed-02", new SessionEvent.Closed(clock.instant(), "nurse1", "withdrawn"));
            log.append("session.created", "nurse1", "s-from-elsewhere", Map.of("at", clock.instant().toString(), "subjectCode", "KET-402",
                    "weightKg", 70, "protocol", "ketamine-midazolam-active-placebo", "protocolVersion", 99, "kitId", "KIT-6", "bed", "bed-03"));
        }
        SessionService restarted = Sessions.service(instruments, (actor, session, event) -> { }, clock);
        SessionService.Restored r = restarted.restore(HistoryReader.history(file));
        assertEquals(0, r.sessions());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().getFirst().contains("s-from-elsewhere") && r.problems().getFirst().contains("version 99"), r.problems().toString());
        assertTrue(restarted.onBed("bed-02").isEmpty());
        assertTrue(restarted.onBed("bed-03").isEmpty());
    }

    @Test
    void alarmsLeftActiveByThePreviousRunAreClosedInTheRecordAndRaisedAgainIfStillThere() throws Exception {
        Path file = dir.resolve("alarms.log");
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService s = service(log);
            s.create("nurse1", BED, "ketamine-midazolam-active-placebo", "KET-402", SubjectMeasures.weight(80), "KIT-7");
            s.command(BED, new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
            s.numeric(new NumericSample(MONITOR, Stream.HR, 130, clock.instant(), clock.instant(), 1));
        }
        assertTrue(after(file, 0).stream().anyMatch(e -> e.startsWith("alarm.raised station {alarm=LIMIT:hr")), "HR 130 alarmed");
        long before = AuditReader.readVerified(file).size();
        clock.advance(Duration.ofMinutes(3));
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService restarted = service(log);
            restarted.restore(HistoryReader.history(file));
            List<String> written = after(file, before);
            assertEquals(1, written.size(), written.toString());
            assertTrue(written.getFirst().startsWith("alarm.cleared station {alarm=LIMIT:hr") && written.getFirst().contains("station restarted"),
                    written.toString());
            restarted.numeric(new NumericSample(MONITOR, Stream.HR, 131, clock.instant(), clock.instant(), 2));
            assertTrue(after(file, before + 1).stream().anyMatch(e -> e.startsWith("alarm.raised station {alarm=LIMIT:hr")),
                    "still high after the restart: raised again");
        }
    }
}
