package org.openinfusion.station.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.TrailEvent.Purpose;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.Written;
import org.openinfusion.station.clinical.audit.EventCodec;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.schedule.PromptTransition;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;

/** One event of every kind the audit trail holds (the codec's round trip and review's wording walk them all). */
public final class TrailSamples {
    public static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
    private static final String ACTOR = "dr1";
    private static final String SESSION = "6c0f3d2e-session";

    private TrailSamples() {
    }

    /**
     * One session's history of {@code events} as the trail would hold them: each written by its codec, one second
     * apart from {@link #AT}, by {@code dr1}.
     */
    public static SessionHistory history(List<TrailEvent> events) {
        List<Recorded> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventCodec.Encoded e = EventCodec.encode(events.get(i));
            entries.add(new Recorded(i + 1, AT.plusSeconds(i), ACTOR, new SessionId(SESSION), events.get(i),
                    new Written(e.type(), e.payload(), "", "")));
        }
        return new SessionHistory(new SessionId(SESSION), entries);
    }

    /**
     * Every kind of event a session's review timeline can show: {@link #everyKind()} (one session created) and each
     * session step, pump event, deviation, alarm change, prompt state and marker, a technical alarm and an early stop.
     */
    public static List<TrailEvent> everyTimelineKind() {
        List<TrailEvent> all = new ArrayList<>();
        boolean created = false;
        for (TrailEvent e : everyKind()) {
            if (e instanceof TrailEvent.SessionStepped s && s.step() instanceof SessionEvent.Created) {
                if (created) {
                    continue;
                }
                created = true;
            }
            all.add(e);
        }
        all.add(new TrailEvent.SessionStepped(new SessionEvent.BaselineStarted(AT, ACTOR)));
        all.add(new TrailEvent.SessionStepped(new SessionEvent.PretreatmentGiven(AT, ACTOR)));
        all.add(new TrailEvent.SessionStepped(new SessionEvent.InfusionStarted(AT, ACTOR, "nurse")));
        all.add(new TrailEvent.SessionStepped(new SessionEvent.InfusionPaused(AT, ACTOR)));
        all.add(new TrailEvent.SessionStepped(new SessionEvent.InfusionResumed(AT, ACTOR)));
        all.add(new TrailEvent.SessionStepped(new SessionEvent.ObservationStarted(AT, ACTOR)));
        all.add(new TrailEvent.SessionStepped(new SessionEvent.ReadyForDischarge(AT, ACTOR)));
        all.add(new TrailEvent.InfusionChanged(new InfusionEvent.Started(AT, 60)));
        all.add(new TrailEvent.InfusionChanged(new InfusionEvent.Paused(AT, 12.5, 1)));
        all.add(new TrailEvent.InfusionChanged(new InfusionEvent.FinalVolume(AT, 4.5, 4.4)));
        all.add(new TrailEvent.InfusionChanged(new InfusionEvent.RunningAtClose(AT, 52.5, 20.3, AT.minusSeconds(3))));
        for (InfusionEvent.DeviationKind k : InfusionEvent.DeviationKind.values()) {
            all.add(new TrailEvent.InfusionChanged(new InfusionEvent.Deviation(AT, k, 30, 40, "volume 30.0 mL, plan 40.0 mL")));
        }
        for (AlarmEvent.Kind k : AlarmEvent.Kind.values()) {
            all.add(new TrailEvent.AlarmChanged(new AlarmEvent("TECH:PUMP_ALARM", k, AlarmPriority.MEDIUM, "Pump alarm: occlusion", AT, ACTOR)));
        }
        for (PromptState to : PromptState.values()) {
            all.add(new TrailEvent.PromptChanged(new PromptTransition("end-of-infusion", PromptState.WAITING, to, AT)));
            all.add(new TrailEvent.PromptChanged(new PromptTransition("t40", PromptState.SCHEDULED, to, AT)));
        }
        all.add(new TrailEvent.PromptChanged(new PromptTransition("t20", PromptState.SCHEDULED, PromptState.NOT_APPLICABLE, AT,
                "infusion ended early at T+14")));
        for (MarkerKind k : MarkerKind.values()) {
            all.add(new TrailEvent.MarkerRecorded(AT, k.name(), k == MarkerKind.NOTE ? "asked for a blanket" : ""));
        }
        all.add(new TrailEvent.RatingEntered(new Rating("r20", "cadss", null, "t40", "nurse", ACTOR, AT.minusSeconds(60), AT,
                Map.of("1", Answer.score(0)), null), new TrailEvent.RatingScore(0, true, 0, "0 (0-92)"), false));
        return all;
    }

    public static List<TrailEvent> everyKind() {
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
                TrailEvent.DischargeOverridden.of(AT, List.of(
                        new DischargeCheck.Criterion(DischargeCheck.Kind.SCHEDULED_RATINGS, Optional.empty(), "scheduled ratings",
                                DischargeCheck.Status.NOT_MET, "still to rate or mark not assessed: baseline, t20, end-of-infusion",
                                List.of("baseline", "t20", "end-of-infusion")),
                        new DischargeCheck.Criterion(DischargeCheck.Kind.VITAL, Optional.of(Stream.HR), "hr within 20% of baseline",
                                DischargeCheck.Status.UNKNOWN, "no current value")), "ward transfer"),
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

    public static final Rating SELF_REPORT = new Rating("r3", "vas", null, "baseline", "nurse", ACTOR, AT.minusSeconds(90), AT,
            Map.of("high", Answer.score(12), "nausea", Answer.score(0), "craving", Answer.score(55)), null);
}
