package org.openinfusion.station.clinical.history;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.rating.EffectiveRating;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * One session as its audit entries tell it, typed: who (subject code), where (bed), which protocol and kit, when each
 * step happened, its ratings (with what replaced what), markers, alarms, signatures and amendments. The one read
 * model of a session: review, every export and the restart take-up read the trail through it. Pure; holds no arm.
 */
public final class SessionHistory {
    private final SessionId id;
    private final List<Recorded> entries;
    private final Recorded creation;
    private final SessionEvent.Created created;

    /** @throws IllegalArgumentException when the entries hold no creation of the session */
    public SessionHistory(SessionId id, List<Recorded> entries) {
        this.id = id;
        this.entries = List.copyOf(entries);
        this.creation = this.entries.stream().filter(SessionHistory::isCreation).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("session " + id + " has no creation entry"));
        this.created = (SessionEvent.Created) ((TrailEvent.SessionStepped) creation.event()).step();
    }

    static boolean isCreation(Recorded r) {
        return r.event() instanceof TrailEvent.SessionStepped s && s.step() instanceof SessionEvent.Created;
    }

    /** An event of the session with its entry. */
    public record Fact<T>(Recorded entry, T event) {
        public Instant at() {
            return entry.at();
        }
    }

    public SessionId id() {
        return id;
    }

    /** Every entry of the session, in trail order. */
    public List<Recorded> entries() {
        return entries;
    }

    /** The newest entry: what a signature made now would cover. */
    public Recorded last() {
        return entries.getLast();
    }

    public SessionEvent.Created created() {
        return created;
    }

    public Recorded creation() {
        return creation;
    }

    public Instant createdAt() {
        return creation.at();
    }

    /** Events of one kind, in trail order. */
    public <T extends TrailEvent> List<Fact<T>> all(Class<T> kind) {
        return entries.stream().filter(r -> kind.isInstance(r.event())).map(r -> new Fact<>(r, kind.cast(r.event()))).toList();
    }

    /** The first time the session took a step of this kind. */
    public <S extends SessionEvent> Optional<Fact<S>> step(Class<S> kind) {
        return all(TrailEvent.SessionStepped.class).stream().filter(f -> kind.isInstance(f.event().step()))
                .map(f -> new Fact<>(f.entry(), kind.cast(f.event().step()))).findFirst();
    }

    /** The first change of this kind the infusion clock recorded. */
    public <I extends InfusionEvent> Optional<Fact<I>> infusion(Class<I> kind) {
        return all(TrailEvent.InfusionChanged.class).stream().filter(f -> kind.isInstance(f.event().change()))
                .map(f -> new Fact<>(f.entry(), kind.cast(f.event().change()))).findFirst();
    }

    public List<Fact<AlarmEvent>> alarms(AlarmEvent.Kind kind) {
        return all(TrailEvent.AlarmChanged.class).stream().filter(f -> f.event().alarm().kind() == kind)
                .map(f -> new Fact<>(f.entry(), f.event().alarm())).toList();
    }

    public Optional<Instant> closedAt() {
        return step(SessionEvent.Closed.class).map(Fact::at);
    }

    public boolean closed() {
        return closedAt().isPresent();
    }

    /** The session's infusion start (the pump's, or the nurse's confirmation): the zero of every elapsed time. */
    public Optional<Instant> infusionStart() {
        return step(SessionEvent.InfusionStarted.class).map(Fact::at);
    }

    /** The infusion's end: the session step, else the infusion clock's completion. */
    public Optional<Instant> infusionEnd() {
        return step(SessionEvent.InfusionCompleted.class).map(Fact::at)
                .or(() -> infusion(InfusionEvent.Completed.class).map(Fact::at));
    }

    /**
     * Volume infused: the pump's own count once it stopped after staff ended the infusion while it still infused
     * ({@code infusion.final_volume}), else as recorded at completion (the session step, else the infusion clock's).
     */
    public OptionalDouble volumeInfusedMl() {
        Optional<Double> v = infusion(InfusionEvent.FinalVolume.class).map(f -> f.event().volumeInfusedMl())
                .or(() -> step(SessionEvent.InfusionCompleted.class).map(f -> f.event().volumeInfusedMl()))
                .or(() -> infusion(InfusionEvent.Completed.class).map(f -> f.event().volumeInfusedMl()));
        return v.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    /** The first unblinding of this session, if the arm was ever revealed for it. */
    public Optional<TrailEvent.Unblinded> unblinding() {
        return all(TrailEvent.Unblinded.class).stream().map(Fact::event).findFirst();
    }

    /** This session's recorded pre-dose vitals (the first record: the values taken at the infusion start). */
    public Optional<TrailEvent.PreDoseVitals> preDoseVitals() {
        return all(TrailEvent.PreDoseVitals.class).stream().map(Fact::event).findFirst();
    }

    /**
     * The adverse events as last recorded: one per id (a later entry with the same id, e.g. with its end and outcome,
     * replaces the earlier one), in order of first recording.
     */
    public List<Fact<AdverseEvent>> adverseEvents() {
        Map<String, Fact<AdverseEvent>> byId = new LinkedHashMap<>();
        all(TrailEvent.AdverseEventRecorded.class).forEach(f -> byId.put(f.event().event().id(), new Fact<>(f.entry(), f.event().event())));
        return List.copyOf(byId.values());
    }

    /** Medications given, in trail order. */
    public List<Fact<Medication>> medications() {
        return all(TrailEvent.MedicationGiven.class).stream().map(f -> new Fact<>(f.entry(), f.event().medication())).toList();
    }

    /** The devices' clock offsets as the station recorded them, in trail order. */
    public List<Fact<TrailEvent.DeviceClockOffset>> clockOffsets() {
        return all(TrailEvent.DeviceClockOffset.class);
    }

    /** Whether staff returned this session's kit as never opened (only an undosed session's kit may be). */
    public boolean kitReturned() {
        return !all(TrailEvent.KitReturned.class).isEmpty();
    }

    /** Whether the infusion started in this session (the participant was dosed). */
    public boolean dosed() {
        return infusionStart().isPresent() || infusion(InfusionEvent.Started.class).isPresent();
    }

    /** The ids of the corrections an amendment in review made. */
    public Set<String> amendedRatings() {
        Set<String> out = new HashSet<>();
        all(TrailEvent.RecordAmended.class).forEach(f -> {
            if (f.event().change() instanceof TrailEvent.RatingReplaced r) {
                out.add(r.correctionId());
            }
        });
        return out;
    }

    /** Every rating and correction, in trail order, each with the correction that replaces it (if any). */
    public List<RatingEntry> ratings() {
        List<Fact<TrailEvent.RatingEntered>> ratings = all(TrailEvent.RatingEntered.class);
        Map<String, String> supersededBy = EffectiveRating.supersededBy(ratings.stream().map(f -> f.event().rating()).toList());
        Set<String> amended = amendedRatings();
        return ratings.stream().map(f -> new RatingEntry(f.entry(), f.event(),
                f.event().amendment() || amended.contains(f.event().rating().id()),
                supersededBy.get(f.event().rating().id()))).toList();
    }

    public List<Fact<TrailEvent.RecordSigned>> signatures() {
        return all(TrailEvent.RecordSigned.class);
    }

    /**
     * The sequence number of the last entry that changed the record: anything but a signature or a blinding act
     * (after closing, only amendments and their rating corrections can be written). 0 when none.
     */
    public long lastChangeSeq() {
        return entries.stream().filter(r -> changesTheRecord(r.event())).mapToLong(Recorded::seq).max().orElse(0);
    }

    /**
     * Whether an entry of this kind changes the record of a session or a rating visit, so that a signature made before it
     * no longer covers it. Clinical entries do (ratings, corrections, vitals, notes, adverse events, amendments, steps);
     * administrative ones do not: signatures, blinding acts, the patient tablet's hand-over, unlock and lock
     * (docs/visits.md "Sign-off per visit"). An entry of an unknown kind counts as a change. Pure.
     */
    public static boolean changesTheRecord(TrailEvent e) {
        return switch (e) {
            case TrailEvent.RecordSigned s -> false;
            case TrailEvent.Unblinded u -> false;
            case TrailEvent.UnblindingRefused u -> false;
            case TrailEvent.SessionStepped s -> true;
            case TrailEvent.InfusionChanged i -> true;
            case TrailEvent.PromptChanged p -> true;
            case TrailEvent.AlarmChanged a -> true;
            case TrailEvent.RatingEntered r -> true;
            case TrailEvent.MarkerRecorded m -> true;
            case TrailEvent.PreDoseVitals v -> true;
            case TrailEvent.PreDoseGateOverridden o -> true;
            case TrailEvent.DischargeOverridden o -> true;
            case TrailEvent.KitReturned k -> true;
            case TrailEvent.AdverseEventRecorded a -> true;
            case TrailEvent.MedicationGiven m -> true;
            case TrailEvent.RecordAmended a -> true;
            case TrailEvent.Unrecognised u -> true;
            // station-wide: never in a session's entries
            case TrailEvent.ExportCreated x -> false;
            case TrailEvent.PasswordAccepted x -> false;
            case TrailEvent.PasswordRefused x -> false;
            case TrailEvent.PasswordLocked x -> false;
            case TrailEvent.AccountLocked x -> false;
            case TrailEvent.AccountUnlocked x -> false;
            case TrailEvent.SignedOut x -> false;
            case TrailEvent.UserSaved x -> false;
            case TrailEvent.AccessDenied x -> false;
            case TrailEvent.AccountDisabled x -> false;
            case TrailEvent.PasswordReset x -> false;
            case TrailEvent.PasswordChanged x -> false;
            case TrailEvent.DisabledRefused x -> false;
            case TrailEvent.AddressThrottled x -> false;
            case TrailEvent.TornTailDiscarded x -> false;
            case TrailEvent.UnavailablePeriod x -> false;
            case TrailEvent.SubjectEnrolled x -> false;
            case TrailEvent.VisitStarted x -> true;
            case TrailEvent.VisitMissed x -> false;
            case TrailEvent.VisitVitals x -> true;
            case TrailEvent.VisitCompleted x -> true;
            case TrailEvent.RatingPartAnswered x -> true;
            case TrailEvent.TabletAccess x -> false; // access to the patient tablet, not a clinical fact
            case TrailEvent.DeviceClockOffset o -> true;
        };
    }
}
