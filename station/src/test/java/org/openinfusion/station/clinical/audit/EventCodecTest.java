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
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;

class EventCodecTest {
    private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
    private static final String ACTOR = "dr1";
    private static final String SESSION = "6c0f3d2e-session";

    private static List<TrailEvent> everyKind() {
        Rating corrected = new Rating("r2", "cadss", "cadss6", "t20", "physician", ACTOR, AT.minusSeconds(60), AT,
                Map.of("1", Answer.score(3), "7", Answer.notAssessed("asleep")), new Correction("r1", "wrong row"));
        return List.of(
                new TrailEvent.SessionStepped(new SessionEvent.Created(AT, ACTOR, SESSION, "KET-401", SubjectMeasures.weight(70.5),
                        "ketamine-naltrexone-crossover", 2, "KIT-9", "bed-01")),
                new TrailEvent.SessionStepped(new SessionEvent.Created(AT, ACTOR, SESSION, "KET-402", SubjectMeasures.weight(64),
                        "ketamine-naltrexone-crossover", 2, "KIT-10", "bed-02", OptionalInt.of(67))),
                new TrailEvent.SessionStepped(new SessionEvent.InfusionStarted(AT, ACTOR, "pump")),
                new TrailEvent.SessionStepped(new SessionEvent.InfusionCompleted(AT, ACTOR, 35.5)),
                new TrailEvent.SessionStepped(new SessionEvent.Closed(AT, ACTOR, "discharged")),
                new TrailEvent.InfusionChanged(new InfusionEvent.Resumed(AT, Duration.ofSeconds(95))),
                new TrailEvent.InfusionChanged(new InfusionEvent.Completed(AT, 40, Duration.ofMinutes(40), 1, Duration.ofSeconds(95))),
                new TrailEvent.InfusionChanged(new InfusionEvent.Deviation(AT, InfusionEvent.DeviationKind.values()[0], 70, 60, "rate high")),
                new TrailEvent.PromptChanged(new PromptTransition("t20", PromptState.DUE, PromptState.OVERDUE, AT)),
                new TrailEvent.AlarmChanged(new AlarmEvent("LIMIT:hr:lo50:hi120", AlarmEvent.Kind.SILENCED, AlarmPriority.HIGH, "HR 130 > 120",
                        AT, ACTOR)),
                new TrailEvent.RatingEntered(corrected, new TrailEvent.RatingScore(3, false, 1, "3 (0-24) INCOMPLETE"), true),
                new TrailEvent.RatingPartAnswered(new Rating("r3", "cadss", null, "day1", "nurse", ACTOR, AT.minusSeconds(60), AT,
                        Map.of("1", Answer.score(2), "19", Answer.score(0)), null)),
                new TrailEvent.RatingEntered(new Rating("r4", "cadss", "cadss6", "day1", "nurse", ACTOR, AT.minusSeconds(60), AT,
                        Map.of("1", Answer.score(2), "22", Answer.score(1)), null), new TrailEvent.RatingScore(3, false, 4, "3 (0-24) INCOMPLETE"),
                        false, null, Map.of("1", Rater.SUBJECT, "22", Rater.OBSERVER)),
                new TrailEvent.MarkerRecorded(AT, "NAUSEA", "mild"),
                new TrailEvent.PreDoseVitals(AT, List.of(new TrailEvent.VitalReading("hr", 72, AT.minusSeconds(30)),
                        new TrailEvent.VitalReading("nibp_sys", 126.5, AT.minusSeconds(300)))),
                new TrailEvent.PreDoseGateOverridden(AT, List.of("pre-dose BP 152/94 above 140/90"), "rechecked, physician agreed"),
                new TrailEvent.DischargeOverridden(AT, List.of("CADSS: 6 at t80 (needs <= 4)"), "ward transfer"),
                new TrailEvent.KitReturned(AT, "KIT-0042", "pre-dose BP too high; kit still sealed"),
                new TrailEvent.AdverseEventRecorded(AT, new AdverseEvent("AE-1", "Hypertension", AT.minusSeconds(600), Optional.empty(),
                        AdverseEvent.Severity.MODERATE, false, AdverseEvent.Relationship.PROBABLY_RELATED, AdverseEvent.Action.DRUG_INTERRUPTED,
                        AdverseEvent.Outcome.RECOVERING_RESOLVING, Optional.of("LIMIT:nibp_sys:hi180"))),
                new TrailEvent.AdverseEventRecorded(AT, new AdverseEvent("AE-2", "Nausea", AT.minusSeconds(600), Optional.of(AT),
                        AdverseEvent.Severity.MILD, true, AdverseEvent.Relationship.NOT_RELATED, AdverseEvent.Action.NOT_APPLICABLE,
                        AdverseEvent.Outcome.RECOVERED_RESOLVED, Optional.empty())),
                new TrailEvent.MedicationGiven(AT, new Medication("labetalol", 10, "mg", "IV", AT.minusSeconds(60), "nurse1", "dr1", true)),
                new TrailEvent.RecordSigned("approved", "Dr Ada", AT, 42, "a".repeat(64)),
                new TrailEvent.RecordAmended(AT, "late entry", new TrailEvent.NoteAdded("headache at discharge")),
                new TrailEvent.RecordAmended(AT, "paper note", new TrailEvent.RatingReplaced("r8", "r10")),
                new TrailEvent.Unblinded(AT, "unblinder", "serious adverse event", "KIT-9"),
                new TrailEvent.UnblindingRefused(AT, "nurse"),
                new TrailEvent.ExportCreated(AT, "ratings-csv", List.of(SESSION), "all-sessions-ratings.csv", 2048, "b".repeat(64)),
                new TrailEvent.PasswordAccepted(Purpose.SIGN_IN, AT, "physician"),
                new TrailEvent.PasswordAccepted(Purpose.CONFIRM, AT, "physician"),
                new TrailEvent.PasswordRefused(Purpose.CONFIRM, AT, 2),
                new TrailEvent.PasswordLocked(Purpose.SIGN_IN, AT),
                new TrailEvent.AccountLocked(AT, AT.plus(Duration.ofMinutes(15)), 5),
                new TrailEvent.AccountUnlocked("nurse1", AT),
                new TrailEvent.SignedOut("timeout"),
                new TrailEvent.UserSaved("nurse1", "nurse", 1),
                new TrailEvent.AccessDenied("nurse", "EXPORT", "station.review.export"),
                new TrailEvent.AccountDisabled("dr.ng", true, 2),
                new TrailEvent.AccountDisabled("dr.ng", false, 0),
                new TrailEvent.PasswordReset("dr.ng", 1),
                new TrailEvent.PasswordChanged(AT, true),
                new TrailEvent.DisabledRefused(Purpose.SIGN_IN, AT),
                new TrailEvent.DisabledRefused(Purpose.CONFIRM, AT),
                new TrailEvent.AddressThrottled(AT, "10.0.0.7", AT.plusSeconds(900), 20),
                new TrailEvent.TornTailDiscarded(7, "eyJzZXEi"),
                new TrailEvent.Unrecognised("weight.entered", Map.of("kg", 77)),
                new TrailEvent.SubjectEnrolled(AT, "KET-401", "ketamine-naltrexone-crossover", LocalDate.of(2026, 11, 15)),
                new TrailEvent.VisitStarted(AT, "KET-401", "ketamine-naltrexone-crossover", "day1", 2, null),
                new TrailEvent.VisitStarted(AT, "KET-401", "ketamine-naltrexone-crossover", null, 1, "phoned about insomnia"),
                new TrailEvent.VisitMissed(AT, "KET-401", "ketamine-naltrexone-crossover", "day5", 1, "unwell, could not come"),
                new TrailEvent.VisitVitals(AT, List.of(new TrailEvent.VitalReading("nibp_sys", 124, AT.minusSeconds(60)))),
                new TrailEvent.VisitCompleted(AT),
                new TrailEvent.RatingEntered(SELF_REPORT, new TrailEvent.RatingScore(null, true, 0, "no total"), false, Rater.SUBJECT),
                new TrailEvent.TabletAccess(AT, TrailEvent.TabletStep.CODE_ISSUED, "tablet-1", "baseline", "vas", "valid until " + AT),
                new TrailEvent.TabletAccess(AT, TrailEvent.TabletStep.UNLOCKED, "tablet-1", "baseline", "vas", "code"),
                new TrailEvent.TabletAccess(AT, TrailEvent.TabletStep.LOCKED, "tablet-1", "baseline", "vas", "idle"),
                new TrailEvent.TabletAccess(AT, TrailEvent.TabletStep.CODE_REFUSED, null, null, null, "unknown code"));
    }

    private static final Rating SELF_REPORT = new Rating("r3", "vas", null, "baseline", "nurse", ACTOR, AT.minusSeconds(90), AT,
            Map.of("high", Answer.score(12), "nausea", Answer.score(0), "craving", Answer.score(55)), null);

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
