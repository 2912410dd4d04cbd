package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.kit.KitList;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/**
 * With a kit list configured, a session's kit is checked when it is created, against the sessions of the whole audit
 * trail (so the check holds across a restart); without one, kits are taken as before.
 */
class KitCheckAtCreationTest {
    private static final String TRAIL = "audit.log";
    private static final String PROTOCOL = "ketamine-naltrexone-crossover";
    private static final KitList KITS = KitList.parse("kits.csv", List.of("kit_id,subject,period", "KIT-1,KET-014,1", "KIT-2,KET-014,2",
            "KIT-3,KET-015,1"));

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

    private SessionService service(AuditLog log) {
        return new SessionService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log), clock,
                AlarmSettings.DEFAULTS, new SessionService.StudyFiles(Optional.of(KITS), Optional.empty()));
    }

    private static String create(SessionService s, String bed, String subject, String kit) {
        return s.create("nurse1", bed, PROTOCOL, subject, SubjectMeasures.weight(70), kit).id();
    }

    private IllegalArgumentException refused(SessionService s, String bed, String subject, String kit) {
        return assertThrows(IllegalArgumentException.class, () -> create(s, bed, subject, kit));
    }

    /** The audit trail the sessions are written to (opened again after a "restart"). */
    private AuditLog trail() throws Exception {
        return AuditLog.open(dir.resolve(TRAIL), clock);
    }

    /** The station restarted over the trail: a new service on {@code log} with the trail's sessions restored. */
    private SessionService restarted(AuditLog log) throws Exception {
        SessionService s = service(log);
        s.restore(HistoryReader.history(dir.resolve(TRAIL)));
        return s;
    }

    /** KIT-1 for KET-014 on bed-01, its baseline started (nothing dosed yet). */
    private void baselineWithKit1(SessionService s) {
        create(s, "bed-01", "KET-014", "KIT-1");
        s.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
    }

    private void dose(SessionService s, String bed) {
        s.command(bed, new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        s.command(bed, new SessionEvent.PretreatmentGiven(clock.instant(), "nurse1"));
        clock.advance(Duration.ofMinutes(45));
        s.command(bed, new SessionEvent.InfusionStarted(clock.instant(), "nurse1", "nurse"));
    }

    @Test
    void anUnknownKitAKitOfAnotherSubjectAndAKitOfALaterPeriodAreRefused() throws Exception {
        try (AuditLog log = trail()) {
            SessionService s = service(log);

            assertEquals("kit KIT-9 is not on the kit list", refused(s, "bed-01", "KET-014", "KIT-9").getMessage());
            assertEquals("kit KIT-3 is assigned to another subject", refused(s, "bed-01", "KET-014", "KIT-3").getMessage());
            assertEquals("kit KIT-2 is for period 2; KET-014 is due period 1 (0 dosed sessions)",
                    refused(s, "bed-01", "KET-014", "KIT-2").getMessage());
            create(s, "bed-01", "KET-014", "KIT-1");
        }
    }

    @Test
    void aKitUsedInADosedSessionIsRefusedAgainAfterARestartAndTheSubjectIsThenDuePeriodTwo() throws Exception {
        try (AuditLog log = trail()) {
            SessionService s = service(log);
            create(s, "bed-01", "KET-014", "KIT-1");
            assertEquals("kit KIT-1 was already used by another session", refused(s, "bed-02", "KET-014", "KIT-1").getMessage(),
                    "a kit named by an open session is in use");
            dose(s, "bed-01");
            s.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse1", "withdrew after dosing"));
        }
        try (AuditLog log = trail()) {
            SessionService restarted = restarted(log);

            assertEquals("kit KIT-1 was already used by another session", refused(restarted, "bed-01", "KET-014", "KIT-1").getMessage());
            create(restarted, "bed-01", "KET-014", "KIT-2");
        }
    }

    @Test
    void aSessionClosedBeforeTheInfusionStartedUsesUpNoPeriodButItsKitIsNotReusedUnlessReturnedUnopenedWithAReason() throws Exception {
        try (AuditLog log = trail()) {
            SessionService s = service(log);
            baselineWithKit1(s);
            s.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse1", "pre-dose BP too high"));

            assertEquals("kit KIT-2 is for period 2; KET-014 is due period 1 (0 dosed sessions)",
                    refused(s, "bed-01", "KET-014", "KIT-2").getMessage(), "an undosed session uses up no period");
            assertEquals("kit KIT-1 was already used by another session", refused(s, "bed-01", "KET-014", "KIT-1").getMessage(),
                    "its dose may have been prepared: not reused without a return");
        }
    }

    @Test
    void aKitReturnedUnopenedWithAReasonIsTakenAgainAfterARestartAndTheReturnIsInTheTrail() throws Exception {
        try (AuditLog log = trail()) {
            SessionService s = service(log);
            baselineWithKit1(s);
            assertEquals("returning kit KIT-1 needs a reason (and that it was never opened)",
                    assertThrows(IllegalStateException.class, () -> s.kitReturned("bed-01", "nurse1", " ")).getMessage());
            s.kitReturned("bed-01", "nurse1", "pre-dose BP too high; kit still sealed");
            s.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse1", "pre-dose BP too high"));
        }
        try (AuditLog log = trail()) {
            SessionService restarted = restarted(log);
            var returned = HistoryReader.history(dir.resolve(TRAIL)).sessions().getFirst().all(TrailEvent.KitReturned.class);
            assertEquals(List.of(new TrailEvent.KitReturned(clock.instant(), "KIT-1", "pre-dose BP too high; kit still sealed")),
                    returned.stream().map(f -> f.event()).toList());
            assertEquals("nurse1", returned.getFirst().entry().actor());
            create(restarted, "bed-01", "KET-014", "KIT-1");
        }
    }

    @Test
    void theKitOfADosedSessionCannotBeReturned() throws Exception {
        try (AuditLog log = trail()) {
            SessionService s = service(log);
            create(s, "bed-01", "KET-014", "KIT-1");
            dose(s, "bed-01");
            assertEquals("kit KIT-1 was used in a dosed session: it cannot be returned",
                    assertThrows(IllegalStateException.class, () -> s.kitReturned("bed-01", "nurse1", "infusion stopped at once")).getMessage());
        }
    }

    @Test
    void withoutAKitListAnyWellFormedKitIsTakenAsBefore() {
        SessionService s = Sessions.service((actor, session, event) -> { }, clock);
        create(s, "bed-01", "KET-014", "KIT-9");
        create(s, "bed-02", "KET-015", "KIT-9");
    }
}
