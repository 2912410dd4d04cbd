package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/** The exports' crossover period counts the subject's dosed sessions: an aborted session does not become period 1. */
class CrossoverPeriodInExportsTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

    @Test
    void aSessionClosedBeforeDosingTakesThePeriodItWasMeantForAndTheNextDosedSessionKeepsIt() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService s = Sessions.service(AuditFileTrail.of(log), clock);
            s.create("nurse1", "bed-01", "ketamine-midazolam-active-placebo", "KET-014", SubjectMeasures.weight(70), "KIT-1");
            s.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse1", "participant unwell before dosing"));
            for (String kit : List.of("KIT-2", "KIT-3")) {
                clock.advance(Duration.ofDays(28));
                s.create("nurse1", "bed-01", "ketamine-midazolam-active-placebo", "KET-014", SubjectMeasures.weight(70), kit);
                s.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
                s.command("bed-01", new SessionEvent.InfusionStarted(clock.instant(), "nurse1", "nurse"));
                s.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse1", "stopped"));
            }
        }

        List<SessionTrail> sessions = new Trail(HistoryReader.history(file)).select(Optional.empty(), Set.of());

        assertEquals(List.of("KIT-1", "KIT-2", "KIT-3"), sessions.stream().map(t -> t.history().created().kitId()).toList());
        assertEquals(List.of(1, 1, 2), sessions.stream().map(SessionTrail::period).toList());
    }
}
