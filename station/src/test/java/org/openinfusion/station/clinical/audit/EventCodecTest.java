package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.testing.TrailSamples;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.TrailEvent.Purpose;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.schedule.PromptTransition;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;

class EventCodecTest {
    private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
    private static final String ACTOR = "dr1";
    private static final String SESSION = "6c0f3d2e-session";

    private static List<TrailEvent> everyKind() {
        return TrailSamples.everyKind();
    }

    private static final Rating SELF_REPORT = TrailSamples.SELF_REPORT;

    @Test
    void aRatingWrittenBeforeThePatientTabletReadsAsEnteredByStaffAndWritesNoRater() {
        TrailEvent.RatingEntered staff = new TrailEvent.RatingEntered(SELF_REPORT, new TrailEvent.RatingScore(null, true, 0, "no total"), false);
        EventCodec.Encoded written = EventCodec.encode(staff);
        assertFalse(written.payload().containsKey("rater"), written.payload().toString());
        Map<String, Object> old = AuditJson.normalise(written.payload());
        TrailEvent read = EventCodec.decode("rating.recorded", "nurse1", SESSION, AT, old);
        assertEquals(null, ((TrailEvent.RatingEntered) read).rater());
        assertEquals("subject", EventCodec.encode(new TrailEvent.RatingEntered(SELF_REPORT, staff.score(), false, Rater.SUBJECT))
                .payload().get("rater"));
    }

    @Test
    void aDischargeOverrideKeepsItsUnmetCriteriaAsDataAndOneWrittenAsWordsOnlyStillReads() {
        TrailEvent.DischargeOverridden now = TrailEvent.DischargeOverridden.of(AT, List.of(new DischargeCheck.Criterion(
                DischargeCheck.Kind.SCHEDULED_RATINGS, Optional.empty(), "scheduled ratings", DischargeCheck.Status.NOT_MET,
                "still to rate or mark not assessed: baseline, t20", List.of("baseline", "t20"))), "ward transfer");
        EventCodec.Encoded written = EventCodec.encode(now);
        assertEquals(List.of("scheduled ratings: still to rate or mark not assessed: baseline, t20"), written.payload().get("unmet"));
        var read = (TrailEvent.DischargeOverridden) EventCodec.decode(written.type(), ACTOR, SESSION, AT,
                AuditJson.normalise(written.payload()));
        assertEquals(List.of("baseline", "t20"), read.criteria().getFirst().timePoints());
        assertEquals(DischargeCheck.Kind.SCHEDULED_RATINGS, read.criteria().getFirst().kind());

        Map<String, Object> before = new HashMap<>(AuditJson.normalise(written.payload()));
        before.remove("criteria");
        var old = (TrailEvent.DischargeOverridden) EventCodec.decode(written.type(), ACTOR, SESSION, AT, before);
        assertEquals(List.of(), old.criteria());
        assertEquals(now.unmet(), old.unmet());
        assertEquals("ward transfer", old.reason());
    }

    @Test
    void everyKindOfEventReadsBackAsTheEventThatWasWritten() {
        for (TrailEvent event : everyKind()) {
            EventCodec.Encoded written = EventCodec.encode(event);
            Map<String, Object> asRead = AuditJson.normalise(written.payload());
            assertEquals(event, EventCodec.decode(written.type(), ACTOR, SESSION, AT.plusSeconds(1), asRead), written.type());
        }
    }

    @Test
    void noTwoKindsOfEventShareATypeName() {
        Map<String, Set<String>> kindsByType = new HashMap<>();
        for (TrailEvent e : everyKind()) {
            String kind = e.getClass().getSimpleName() + switch (e) {
                case TrailEvent.PasswordAccepted p -> p.purpose();
                case TrailEvent.PasswordRefused p -> p.purpose();
                default -> "";
            };
            kindsByType.computeIfAbsent(EventCodec.typeOf(e), t -> new HashSet<>()).add(kind);
        }
        kindsByType.forEach((type, kinds) -> assertEquals(1, kinds.size(), type + " is written for " + kinds));
    }

    @Test
    void anEventWithoutItsOwnTimeHappenedWhenItWasWritten() {
        TrailEvent e = EventCodec.decode("session.baseline_started", "nurse1", SESSION, AT, Map.of());
        assertEquals(new TrailEvent.SessionStepped(new SessionEvent.BaselineStarted(AT, "nurse1")), e);
    }

    @Test
    void anEntryOfATypeThisStationDoesNotKnowIsKeptAsWritten() {
        TrailEvent e = EventCodec.decode("correction", "u-2", SESSION, AT, Map.of("reason", "typed 70 for 77"));
        assertInstanceOf(TrailEvent.Unrecognised.class, e);
        assertEquals(new EventCodec.Encoded("correction", Map.of("reason", "typed 70 for 77")), EventCodec.encode(e));
    }

    @Test
    void aKnownTypeWithoutAFieldItNeedsIsRefusedNamingTheTypeAndTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventCodec.decode("session.created", "nurse1", SESSION, AT, Map.of("subjectCode", "KET-401")));
        assertTrue(e.getMessage().contains("session.created") && e.getMessage().contains("weightKg"), e.getMessage());
    }

    @Test
    void anEntryThatDoesNotReadAsItsEventIsKeptAsWrittenNotDropped() {
        AuditEntry written = AuditEntry.seal(1, AT, new AuditEvent("session.created", "nurse1", SESSION, Map.of("subjectCode", "KET-401")),
                AuditJson.GENESIS);
        Recorded read = HistoryReader.read(written);
        assertEquals(new TrailEvent.Unrecognised("session.created", Map.of("subjectCode", "KET-401")), read.event());
        assertEquals(written.hash(), read.written().hash());
        assertEquals(List.of(), new AuditHistory(List.of(read)).sessions(), "no session without a readable creation");
        assertEquals(List.of(read), new AuditHistory(List.of(read)).entries());
    }
}
