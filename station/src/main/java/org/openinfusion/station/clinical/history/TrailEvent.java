package org.openinfusion.station.clinical.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.schedule.PromptTransition;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * Every kind of event the station writes to its audit trail, typed. The bedside ones wrap the clinical core's own
 * events; the others are the review, blinding, export and access events. How each is spelled on disk (type name,
 * payload keys) is the audit adapter's EventCodec, and nowhere else. A new kind of event is a new record here, a case
 * in EventCodec, and (when review or an export reads it) a fact of {@link SessionHistory}. Holds subject codes only,
 * never names or other patient identifiers, and never an arm.
 */
public sealed interface TrailEvent {

    // ---- at the bedside

    /** A session step (created, baseline started, ..., closed). */
    record SessionStepped(SessionEvent step) implements TrailEvent, Timed {
        public SessionStepped {
            Objects.requireNonNull(step, "step");
        }

        @Override
        public Instant at() {
            return step.at();
        }
    }

    /** What the infusion clock saw on the pump (started, paused, resumed, completed, a deviation). */
    record InfusionChanged(InfusionEvent change) implements TrailEvent, Timed {
        @Override
        public Instant at() {
            return change.at();
        }
    }

    /** A rating prompt changing state (scheduled, due, overdue, missed, completed). */
    record PromptChanged(PromptTransition transition) implements TrailEvent, Timed {
        @Override
        public Instant at() {
            return transition.at();
        }
    }

    /** An alarm raised, escalated, acknowledged, silenced, cleared or a hold advised. */
    record AlarmChanged(AlarmEvent alarm) implements TrailEvent, Timed {
        @Override
        public Instant at() {
            return alarm.at();
        }
    }

    /**
     * A rating or a correction of one (a correction names the rating it replaces), with the station's score.
     *
     * @param amendment a correction made in review, after the session closed
     * @param rater {@link Rater#SUBJECT} when the subject answered the items on the patient tablet (the actor is then the
     *              member of staff who handed it over); null when staff entered the answers (before version 4 always)
     * @param itemRaters who answered each item when a rating combines the subject's answers given on the tablet with
     *              the observer items staff rated (CADSS 1-19 and 20-23; docs/tablet.md); empty otherwise
     */
    record RatingEntered(Rating rating, RatingScore score, boolean amendment, Rater rater, Map<String, Rater> itemRaters) implements TrailEvent {
        public RatingEntered {
            itemRaters = Map.copyOf(itemRaters);
        }

        public RatingEntered(Rating rating, RatingScore score, boolean amendment, Rater rater) {
            this(rating, score, amendment, rater, Map.of());
        }

        public RatingEntered(Rating rating, RatingScore score, boolean amendment) {
            this(rating, score, amendment, null);
        }
    }

    /**
     * The subject's answers to the subject-rated items of a form that also has observer-rated items (CADSS items 1-19
     * of 23), given on the patient tablet at a rating visit. Not a rating: staff complete it by rating the observer
     * items, and that rating ({@link RatingEntered} with {@code itemRaters}) carries these answers unchanged. The
     * actor is the member of staff who handed the tablet over.
     */
    record RatingPartAnswered(Rating part) implements TrailEvent {
    }

    /** The station's score of a rating as recorded with it. */
    record RatingScore(Integer total, boolean complete, int notAssessed, String summary) {
        public static RatingScore of(Score s) {
            return new RatingScore(s.total().isPresent() ? s.total().getAsInt() : null, s.complete(), s.notAssessed(), s.summary());
        }
    }

    /** A clinical event marked by staff (nausea, emergence reaction, a note...): {@code kind} is a MarkerKind name. */
    record MarkerRecorded(Instant at, String kind, String note) implements TrailEvent, Timed {
    }

    /** A vital value with the time it was measured (stream: a domain Stream key, e.g. "nibp_sys"). */
    record VitalReading(String stream, double value, Instant measuredAt) {
        public VitalReading {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(measuredAt, "measuredAt");
        }
    }

    /**
     * This session's pre-dose vitals (HR, NIBP systolic and diastolic), each with the time it was measured, recorded when
     * the infusion start was confirmed (or when the pump started it): the baseline the discharge check compares with.
     */
    record PreDoseVitals(Instant at, List<VitalReading> values) implements TrailEvent, Timed {
        public PreDoseVitals {
            values = List.copyOf(values);
        }
    }

    /** The infusion start confirmed although the pre-dose gate had concerns (stale or missing NIBP, BP above the gate). */
    record PreDoseGateOverridden(Instant at, List<String> concerns, String reason) implements TrailEvent, Timed {
        public PreDoseGateOverridden {
            concerns = List.copyOf(concerns);
        }
    }

    /**
     * The kit of a session closing before the infusion started, returned to the pool by staff (the actor) who state it
     * was never opened (no dose prepared), with a reason; without this entry the kit of an undosed session is not reused.
     */
    record KitReturned(Instant at, String kitId, String reason) implements TrailEvent, Timed {
    }

    /**
     * "Ready for discharge" taken by a physician while criteria were not met: which, and why. {@code criteria}: the
     * unmet criteria as data (kind, vital sign, status, the time points they name); {@code unmet}: the same as the
     * station words them ("name: detail"). Entries written before the criteria were kept as data have only the words
     * ({@code criteria} empty).
     */
    record DischargeOverridden(Instant at, List<String> unmet, List<DischargeCheck.Criterion> criteria, String reason)
            implements TrailEvent, Timed {
        public DischargeOverridden {
            unmet = List.copyOf(unmet);
            criteria = List.copyOf(criteria);
        }

        /** An entry of the unmet criteria as words only (as written before they were kept as data). */
        public DischargeOverridden(Instant at, List<String> unmet, String reason) {
            this(at, unmet, List.of(), reason);
        }

        /** The override of these unmet criteria, with their words. */
        public static DischargeOverridden of(Instant at, List<DischargeCheck.Criterion> criteria, String reason) {
            return new DischargeOverridden(at, criteria.stream().map(DischargeCheck.Criterion::line).toList(), criteria, reason);
        }
    }

    /** An adverse event recorded or confirmed by staff (the actor); a later entry with the same id updates it. */
    record AdverseEventRecorded(Instant at, AdverseEvent event) implements TrailEvent, Timed {
    }

    /** A rescue or concomitant medication given on order. */
    record MedicationGiven(Instant at, Medication medication) implements TrailEvent, Timed {
    }

    // ---- review, blinding, export

    /**
     * An e-signature of a closed record, covering the entries up to {@code lastSeq}.
     *
     * @param meaning "reviewed" or "approved"
     */
    record RecordSigned(String meaning, String printedName, Instant signedAt, long lastSeq, String lastHash)
            implements TrailEvent {
    }

    /** A change to a closed record in review, always with a reason. */
    record RecordAmended(Instant at, String reason, Amendment change) implements TrailEvent, Timed {
    }

    /** What an amendment changed. */
    sealed interface Amendment {
    }

    /** A late note. */
    record NoteAdded(String text) implements Amendment {
    }

    /** Rating {@code ratingId} replaced by the correction {@code correctionId} (its own RatingEntered entry). */
    record RatingReplaced(String ratingId, String correctionId) implements Amendment {
    }

    /** Adverse event {@code adverseEventId} recorded after the session closed (its own AdverseEventRecorded entry). */
    record AdverseEventAdded(String adverseEventId) implements Amendment {
    }

    /**
     * Vital signs of a completed rating visit corrected: the {@code visit.vitals_recorded} entry {@code originalSeq}'s
     * values are replaced, stream by stream, by those of the correction entry written just before this amendment (its own
     * VisitVitals naming {@code originalSeq} in {@code corrects}); the original stays in the trail.
     */
    record VitalsReplaced(long originalSeq) implements Amendment {
    }

    /** The arm of the session was revealed to an authorised role (the event never holds the arm). */
    record Unblinded(Instant at, String role, String reason, String kitId) implements TrailEvent, Timed {
    }

    /** An unblinding asked for by a role that may not. */
    record UnblindingRefused(Instant at, String role) implements TrailEvent, Timed {
    }

    /** An export file made in review: which format and sessions, its size and SHA-256. */
    record ExportCreated(Instant at, String format, List<String> sessions, String fileName, long bytes, String sha256)
            implements TrailEvent, Timed {
        public ExportCreated {
            sessions = List.copyOf(sessions);
        }
    }

    // ---- access

    /** What a password was checked for. */
    /**
     * Why a password was checked: sign-in, an e-signature (password only), or the first e-signature of a sign-in, where
     * the user id is entered too (21 CFR 11.200(a)(1)).
     */
    enum Purpose { SIGN_IN, CONFIRM, FIRST_CONFIRM }

    /** A password accepted (sign-in, or confirmed for an e-signature). */
    record PasswordAccepted(Purpose purpose, Instant at, String role) implements TrailEvent, Timed {
    }

    /** A wrong password, and how many in a row. */
    record PasswordRefused(Purpose purpose, Instant at, int failuresInARow) implements TrailEvent, Timed {
    }

    /** A password not even checked: the account is locked. */
    record PasswordLocked(Purpose purpose, Instant at) implements TrailEvent, Timed {
    }

    /** An account locked after too many wrong passwords. */
    record AccountLocked(Instant at, Instant until, int afterFailures) implements TrailEvent, Timed {
    }

    /** An administrator ended a lock early. */
    record AccountUnlocked(String user, Instant at) implements TrailEvent, Timed {
    }

    record SignedOut(String reason) implements TrailEvent {
    }

    /** An administrator saved a user (role, name, password); their open sign-ins were closed. */
    record UserSaved(String user, String role, int signInsClosed) implements TrailEvent {
    }

    /** A request refused: the role lacks the permission. */
    record AccessDenied(String role, String permission, String address) implements TrailEvent {
    }

    // ---- account administration and sign-in throttling (docs/security.md)

    /** An administrator disabled (or enabled again) an account; its open sign-ins were closed. Accounts are never deleted. */
    record AccountDisabled(String user, boolean disabled, int signInsClosed) implements TrailEvent {
    }

    /** An administrator set a new password for an account, to be changed by its owner at the next sign-in. */
    record PasswordReset(String user, int signInsClosed) implements TrailEvent {
    }

    /** The account's owner changed its password ({@code required}: because a reset asked for it). */
    record PasswordChanged(Instant at, boolean required) implements TrailEvent, Timed {
    }

    /** The right password of a disabled account: refused. */
    record DisabledRefused(Purpose purpose, Instant at) implements TrailEvent, Timed {
    }

    /** A client address refused until {@code until} after too many wrong sign-ins from it (any accounts). */
    record AddressThrottled(Instant at, String address, Instant until, int afterFailures) implements TrailEvent, Timed {
    }

    // ---- the trail itself

    /** A cut-short last line found on opening, discarded from the file and kept here (base64). */
    record TornTailDiscarded(long line, String discardedBase64) implements TrailEvent {
    }

    /** The trail accepts entries again after failing to write: since when, why, and how many entries it refused. */
    record UnavailablePeriod(Instant since, String reason, long refusedEntries) implements TrailEvent {
    }

    /**
     * An entry of a type this station does not know (written by a newer or older version): kept as written, so the
     * trail still reads and every export still shows it.
     */
    record Unrecognised(String type, Map<String, Object> payload) implements TrailEvent {
        public Unrecognised {
            payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
        }
    }

    // ---- study visits (docs/visits.md): at the end, so that merges stay mechanical

    /**
     * A subject enrolled in a protocol's visit schedule on its consent (screening) day: the timeline is planned from here.
     * Station-wide (no session).
     */
    record SubjectEnrolled(Instant at, String subject, String protocolId, LocalDate consentDay) implements TrailEvent, Timed {
        public SubjectEnrolled {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(protocolId, "protocolId");
            Objects.requireNonNull(consentDay, "consentDay");
        }
    }

    /**
     * A rating visit started (its own session id: every later entry of the visit names it).
     *
     * @param visitId the schedule's visit, or null for an unscheduled visit
     * @param unscheduledReason why an unscheduled visit is held; null for a planned one
     */
    record VisitStarted(Instant at, String subject, String protocolId, String visitId, int period, String unscheduledReason)
            implements TrailEvent, Timed {
        public VisitStarted {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(protocolId, "protocolId");
            if ((visitId == null) == (unscheduledReason == null || unscheduledReason.isBlank())) {
                throw new IllegalArgumentException("a visit is either planned (its id) or unscheduled (with a reason)");
            }
        }
    }

    /** A planned visit marked missed, with the reason (station-wide: the visit has no session). */
    record VisitMissed(Instant at, String subject, String protocolId, String visitId, int period, String reason) implements TrailEvent, Timed {
        public VisitMissed {
            Objects.requireNonNull(visitId, "visitId");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a missed visit needs its reason");
            }
        }
    }

    /**
     * Vital signs entered by hand at a rating visit (or read from a monitor), each with when it was measured.
     *
     * @param source  where the values come from: null when entered by hand, else the monitor's device id
     * @param flagged  the values outside an alarm limit of the protocol, each with that limit (kept, not refused)
     * @param corrects null for vital signs recorded at the visit; for a physician's amendment, the sequence of the
     *                 {@code visit.vitals_recorded} entry whose values (of the same streams) these replace
     */
    record VisitVitals(Instant at, List<VitalReading> values, String source, List<VitalFlag> flagged, Long corrects) implements TrailEvent, Timed {
        public VisitVitals {
            values = List.copyOf(values);
            flagged = flagged == null ? List.of() : List.copyOf(flagged);
        }

        /** Recorded at the visit (not a correction). */
        public VisitVitals(Instant at, List<VitalReading> values, String source, List<VitalFlag> flagged) {
            this(at, values, source, flagged, null);
        }

        /** Entered by hand, none flagged (entries written before limits were checked read so). */
        public VisitVitals(Instant at, List<VitalReading> values) {
            this(at, values, null, List.of());
        }
    }

    /** A hand-entered vital sign outside one alarm limit: the limit as the bedside alarm words it ("HR 130 > 120"), its priority and source. */
    record VitalFlag(String stream, double value, String limit, String priority, String source) {
        public VitalFlag {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(source, "source");
        }
    }

    /** A rating visit completed. */
    record VisitCompleted(Instant at) implements TrailEvent, Timed {
    }

    /** What happened to a patient tablet handed a rating (docs/tablet.md); {@code detail} says why it locked or refused. */
    enum TabletStep { CODE_ISSUED, UNLOCKED, LOCKED, CODE_REFUSED }

    /**
     * A patient tablet: a one-time code issued for a rating, the tablet unlocked with it (or by a staff sign-in), locked
     * again (recorded, idle, taken back), or a code refused. Never holds the code itself.
     */
    record TabletAccess(Instant at, TabletStep step, String handoverId, String timePointId, String form, String detail)
            implements TrailEvent, Timed {
    }
    // ---- device clocks

    /**
     * A device's clock as the station learnt it from the device's continuous values: station time = device time +
     * {@code offsetMillis} (receive time minus device time, so it includes the transport's delay). Written for a session
     * when a device's first value arrives and whenever the offset moves by a second or more; the exports correct that
     * device's stored times with it (docs/exports.md, "Device clocks").
     *
     * @param device the device's id on the bed (e.g. "monitor")
     */
    record DeviceClockOffset(Instant at, String device, long offsetMillis) implements TrailEvent, Timed {
        public DeviceClockOffset {
            Objects.requireNonNull(device, "device");
        }
    }
}
