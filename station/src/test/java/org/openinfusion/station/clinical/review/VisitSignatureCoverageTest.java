package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.Written;
import org.openinfusion.testing.MutableClock;

/**
 * Which entries after a signature leave it covering a rating visit (docs/visits.md "Sign-off per visit"): the patient
 * tablet's administrative entries (hand-over code, unlock, idle lock, refused code) do not change the record; a note, vital
 * signs, an amendment do. The pure rule, on entries timed by an injected clock.
 */
class VisitSignatureCoverageTest {
    private static final String VISIT = "visit-1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final List<Recorded> entries = new ArrayList<>();

    private void add(String actor, TrailEvent e) {
        long seq = entries.size() + 1;
        entries.add(new Recorded(seq, clock.instant(), actor, new SessionId(VISIT), e, new Written("t", Map.of(), "h" + (seq - 1), "h" + seq)));
        clock.advance(Duration.ofMinutes(1));
    }

    private StudyVisits.VisitSession visit() {
        TrailEvent.VisitStarted started = entries.getFirst().as(TrailEvent.VisitStarted.class).orElseThrow();
        Optional<Instant> completed = entries.stream().flatMap(r -> r.as(TrailEvent.VisitCompleted.class).stream())
                .map(TrailEvent.VisitCompleted::at).findFirst();
        return new StudyVisits.VisitSession(VISIT, started, completed, entries);
    }

    private TrailEvent.TabletAccess tablet(TrailEvent.TabletStep step, String detail) {
        return new TrailEvent.TabletAccess(clock.instant(), step, "h-1", "day1", "qids_sr16", detail);
    }

    private void sign(String meaning) {
        Recorded last = entries.getLast();
        add("dr1", new TrailEvent.RecordSigned(meaning, "Dr. Ada Example", clock.instant(), last.seq(), last.written().hash()));
    }

    private void completedVisit() {
        add("rater1", new TrailEvent.VisitStarted(clock.instant(), "KET-701", "ketamine-naltrexone-crossover", "day1", 1, null));
        add("rater1", new TrailEvent.MarkerRecorded(clock.instant(), "NOTE", "slept well"));
        add("rater1", new TrailEvent.VisitCompleted(clock.instant()));
    }

    @Test
    void aTabletsIdleLockAndOtherTabletStepsAfterASignatureLeaveItCoveringTheVisit() {
        completedVisit();
        sign("reviewed");
        clock.advance(Duration.ofMinutes(10));
        add("rater1", tablet(TrailEvent.TabletStep.LOCKED, "idle"));
        add("rater1", tablet(TrailEvent.TabletStep.CODE_ISSUED, null));
        add("rater1", tablet(TrailEvent.TabletStep.CODE_REFUSED, "wrong code"));
        add("rater1", tablet(TrailEvent.TabletStep.UNLOCKED, null));
        add("rater1", tablet(TrailEvent.TabletStep.LOCKED, "taken back"));

        StudyVisits.VisitSession v = visit();
        assertEquals(1, VisitSignOff.current(v).size(), "the signature still counts");
        assertEquals(SignatureMeaning.REVIEWED, VisitSignOff.current(v).getFirst().meaning());
        assertEquals(3, VisitSignOff.lastChangeSeq(v), "the last change is the completion");
        assertEquals(StudyVisits.SignatureStatus.REVIEWED, v.signatureStatus());

        sign("approved");
        assertEquals(StudyVisits.SignatureStatus.APPROVED, visit().signatureStatus());
        assertEquals(List.of(SignatureMeaning.REVIEWED, SignatureMeaning.APPROVED),
                VisitSignOff.current(visit()).stream().map(Signature::meaning).toList());
    }

    @Test
    void aClinicalEntryAfterASignatureStillEndsIt() {
        completedVisit();
        sign("reviewed");
        add("rater1", tablet(TrailEvent.TabletStep.LOCKED, "idle"));
        add("dr1", new TrailEvent.RecordAmended(clock.instant(), "wrong day noted", new TrailEvent.NoteAdded("seen on day 2")));

        StudyVisits.VisitSession v = visit();
        assertTrue(VisitSignOff.current(v).isEmpty(), "an amendment ends the signature's cover");
        assertEquals(1, VisitSignOff.all(v).size(), "the signature stays in the record");
        assertEquals(StudyVisits.SignatureStatus.SIGNED_BEFORE_AMENDMENT, v.signatureStatus());
    }

    @Test
    void vitalSignsANoteAndACompletionAreChangesNoTabletStepIs() {
        Instant now = clock.instant();
        assertTrue(SessionHistory.changesTheRecord(new TrailEvent.VisitVitals(now,
                List.of(new TrailEvent.VitalReading("HR", 74, now)), null, List.of())));
        assertTrue(SessionHistory.changesTheRecord(new TrailEvent.MarkerRecorded(now, "NOTE", "n")));
        assertTrue(SessionHistory.changesTheRecord(new TrailEvent.VisitCompleted(now)));
        for (TrailEvent.TabletStep step : TrailEvent.TabletStep.values()) {
            assertFalse(SessionHistory.changesTheRecord(tablet(step, null)), step.name());
        }
    }
}
