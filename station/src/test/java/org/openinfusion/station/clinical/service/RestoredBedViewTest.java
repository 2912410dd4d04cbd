package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/** After a restart, the bed view of a session taken up shows its ratings, markers and state as before. */
class RestoredBedViewTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final InstrumentCatalog instruments = InstrumentCatalog.builtIn();

    private SessionService service(AuditLog log) {
        return Sessions.service(instruments, AuditFileTrail.of(log), clock);
    }

    @Test
    void theBedViewOfASessionTakenUpShowsWhatWasRecorded() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService before = service(log);
            before.create("nurse1", "bed-04", "ketamine-midazolam-active-placebo", "KET-500", SubjectMeasures.weight(75), "KIT-8");
            before.command("bed-04", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
            Map<String, Answer> answers = new HashMap<>();
            for (Item item : instruments.get("vas").items()) {
                answers.put(item.id(), Answer.score(item.max()));
            }
            clock.advance(Duration.ofMinutes(2));
            before.record("bed-04", new Rating("r-vas", "vas", null, "baseline", "nurse", "nurse1", clock.instant(), clock.instant(),
                    answers, null));
            before.mark("bed-04", "nurse1", "NAUSEA", "mild");
        }
        SessionService after = Sessions.service(instruments, (actor, session, event) -> { }, clock);
        assertEquals(1, after.restore(HistoryReader.history(file)).sessions());

        SessionView v = new SessionCommandHandler(after).view("bed-04");
        assertEquals(SessionState.BASELINE, v.state());
        assertEquals("KET-500", v.subjectCode());
        assertEquals(1, v.ratings().size());
        assertEquals("r-vas", v.ratings().getFirst().ratingId());
        assertEquals("vas", v.ratings().getFirst().form());
        assertEquals(1, v.markers().size());
        assertEquals(MarkerKind.NAUSEA, v.markers().getFirst().kind());
        assertEquals("mild", v.markers().getFirst().note());
        assertTrue(v.prompts().stream().anyMatch(p -> p.timePointId().equals("baseline") && p.state() == PromptState.DUE),
                "baseline still due: cadss and bprs_pos are not rated yet " + v.prompts());
    }
    @Test
    void theBedViewOfASessionTakenUpShowsItsAdverseEventsAndMedications() throws Exception {
        Path file = dir.resolve("audit.log");
        var ae = new AdverseEvent("AE-1", "Headache", clock.instant(), Optional.empty(),
                AdverseEvent.Severity.MILD, false,
                AdverseEvent.Relationship.POSSIBLY_RELATED,
                AdverseEvent.Action.DOSE_NOT_CHANGED,
                AdverseEvent.Outcome.RECOVERING_RESOLVING, Optional.empty());
        var paracetamol = new Medication("paracetamol", 1000, "mg", "oral", clock.instant(),
                "nurse1", "dr1", false);
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService before = service(log);
            before.create("nurse1", "bed-04", "ketamine-midazolam-active-placebo", "KET-501", SubjectMeasures.weight(75), "KIT-8");
            clock.advance(Duration.ofMinutes(1));
            before.adverseEvent("bed-04", "nurse1", ae);
            before.medication("bed-04", "nurse1", paracetamol);
        }
        SessionService after = Sessions.service(instruments, (actor, session, event) -> { }, clock);
        after.restore(HistoryReader.history(file));

        SessionView v = new SessionCommandHandler(after).view("bed-04");

        assertEquals(List.of(ae), v.adverseEvents());
        assertEquals(List.of(paracetamol), v.medications());
    }
}
