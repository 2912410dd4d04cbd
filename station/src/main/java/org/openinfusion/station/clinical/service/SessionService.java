package org.openinfusion.station.clinical.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.blinding.KitAssignments;
import org.openinfusion.station.clinical.blinding.UnblindingService;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.kit.KitList;
import org.openinfusion.station.clinical.protocol.Arm;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.PumpReading;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.Outcome;
import org.openinfusion.station.clinical.session.Session;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionRuntime;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.TechnicalAlarmId;

/**
 * Runs the open sessions, one per bed. Every event an input produces is written to the audit trail
 * (durable, fsynced) before it is applied and returned; if the audit write fails, the input fails.
 * Not thread-safe: one caller thread (the session verticle's worker).
 */
public final class SessionService {
    /** The refusal for a change to a closed session (session id, bed). */
    public static final String LOCKED = "session %s on bed %s is closed and its record is locked: "
            + "a physician can add a note or correct a rating as an amendment in review";

    private final ProtocolCatalog protocols;
    private final AuditPort audit;
    private final Clock clock;
    private final AlarmSettings alarmSettings;
    private final Map<String, SessionRuntime> byBed = new HashMap<>();
    private final Map<String, PumpState> pumps = new HashMap<>();

    private static final class PumpState {
        String state = "standby";
        double rate;
        double volume;
    }

    /** The pump on a bed as last reported: state, rate and volume infused. */
    public record PumpStatus(String state, double rateMlPerHour, double volumeInfusedMl) {
    }

    private final RatingRecorder ratings;

    public SessionService(ProtocolCatalog protocols, InstrumentCatalog instruments, AuditPort audit, Clock clock,
                          AlarmSettings alarmSettings) {
        this(protocols, instruments, audit, clock, alarmSettings, StudyFiles.NONE);
    }

    /**
     * The study's files: the kit list checked at session creation (none: kits are not checked against a list) and the
     * pharmacy's sealed kit-to-arm file for emergency unblinding (none: unblinding is refused, saying so).
     */
    public record StudyFiles(Optional<KitList> kitList, Optional<KitAssignments> kitAssignments) {
        public static final StudyFiles NONE = new StudyFiles(Optional.empty(), Optional.empty());
    }

    private final StudyKits kits;
    private final StudyFiles study;
    private final InstrumentCatalog instruments;

    /** The instruments ratings are checked against. */
    public InstrumentCatalog instruments() {
        return instruments;
    }

    public SessionService(ProtocolCatalog protocols, InstrumentCatalog instruments, AuditPort audit, Clock clock,
                          AlarmSettings alarmSettings, StudyFiles study) {
        this.study = study;
        this.kits = new StudyKits(study.kitList());
        this.protocols = protocols;
        this.ratings = new RatingRecorder(instruments);
        this.instruments = instruments;
        this.audit = audit;
        this.clock = clock;
        this.alarmSettings = alarmSettings;
    }

    /**
     * Takes up the sessions an earlier run left open, from its audit history (call once, before any input). Their
     * steps, infusion clock and completed ratings are rebuilt; alarms start afresh from live values.
     * @return how many were taken up, and why any other open one was not
     */
    public Restored restore(AuditHistory trail) {
        List<String> problems = new ArrayList<>();
        kits.seed(trail);
        var open = SessionRestore.open(trail, protocols, alarmSettings, problems);
        open.values().forEach(r -> byBed.put(r.session().created().bedId(), r));
        trail.sessions().stream().filter(s -> open.containsKey(s.id().value())).forEach(s -> restoredHistory.put(s.id().value(), s));
        // the clock offsets already written: a restart does not write them again unless they moved
        restoredHistory.forEach((id, s) -> s.clockOffsets().forEach(f -> writtenOffsets.put(id + "\n" + f.event().device(),
                Duration.ofMillis(f.event().offsetMillis()))));
        // Alarms left active by the previous run are closed in the record: the restarted engine raises them again
        // from live values if the condition is still there.
        restoredHistory.forEach((id, s) -> SessionRestore.activeAlarms(s).forEach((alarm, priority) ->
                write(id, AuditPort.STATION, new TrailEvent.AlarmChanged(new AlarmEvent(alarm, AlarmEvent.Kind.CLEARED, priority,
                        "station restarted: evaluated again from live values", clock.instant(), AuditPort.STATION)))));
        return new Restored(open.size(), problems);
    }

    private final Map<String, SessionHistory> restoredHistory = new HashMap<>();

    /** The history of a session taken up by {@link #restore}, for the screens' memory. */
    public Optional<SessionHistory> restoredHistory(String sessionId) {
        return Optional.ofNullable(restoredHistory.get(sessionId));
    }

    /** What {@link #restore} did. */
    public record Restored(int sessions, List<String> problems) {
    }

    /** Opens a session on a bed, the participant's age not given; refused while another session is open there. */
    public Session create(String user, String bedId, String protocolId, String subjectCode, SubjectMeasures measures, String kitId) {
        return create(user, bedId, protocolId, subjectCode, measures, kitId, OptionalInt.empty());
    }

    /**
     * Opens a session on a bed; refused while another session is open there, or while the subject has an open session on
     * another bed. {@code ageYears} is never logged.
     */
    public Session create(String user, String bedId, String protocolId, String subjectCode, SubjectMeasures measures, String kitId,
                          OptionalInt ageYears) {
        Optional<SessionRuntime> open = Optional.ofNullable(byBed.get(bedId)).filter(r -> r.session().state() != SessionState.CLOSED);
        if (open.isPresent()) {
            throw new IllegalStateException("bed " + bedId + " already has session " + open.get().session().id());
        }
        Protocol p = protocols.latest(protocolId).orElseThrow(() -> new IllegalArgumentException("no protocol " + protocolId));
        kits.requireUsable(kitId, subjectCode);
        // one participant, one open session: a second bed would split their record and dose them twice (checked after
        // the kit, whose refusal says more)
        byBed.values().stream().map(SessionRuntime::session)
                .filter(s -> s.state() != SessionState.CLOSED && s.created().subjectCode().equals(subjectCode)).findFirst()
                .ifPresent(s -> {
                    throw new IllegalStateException("this subject already has an open session, on bed " + s.created().bedId()
                            + ": close it there first");
                });
        var created = new SessionEvent.Created(clock.instant(), user, UUID.randomUUID().toString(), subjectCode, measures,
                p.id(), p.version(), kitId, bedId, ageYears);
        Session session = Session.start(created, p, DoseCalculator.plan(p.infusion(), measures));
        write(session.id(), user, new TrailEvent.SessionStepped(created));
        kits.created(session.id(), subjectCode, kitId);
        byBed.put(bedId, new SessionRuntime(session, alarmSettings));
        return session;
    }

    /** A step taken by staff; refused once the session is closed (see {@link #LOCKED}). */
    public Outcome command(String bedId, SessionEvent e) {
        SessionRuntime r = unlocked(bedId);
        return durable(r, r.command(e));
    }

    /**
     * Records a rating (or a correction of one): checked against the instrument and the protocol, scored by the
     * station, audited with every answer, then counted towards its time point (a correction completes nothing new).
     */
    public Recorded record(String bedId, Rating rating) {
        return record(bedId, rating, null);
    }

    /** As {@link #record(String, Rating)}; {@code rater} SUBJECT when the subject answered on the patient tablet. */
    public Recorded record(String bedId, Rating rating, Rater rater) {
        return record(bedId, rating, rater, Map.of());
    }

    /** As above; {@code itemRaters} who answered each item when staff complete the subject's part (empty otherwise). */
    public Recorded record(String bedId, Rating rating, Rater rater, Map<String, Rater> itemRaters) {
        SessionRuntime r = unlocked(bedId);
        RatingRecorder.Checked checked = ratings.check(r.session(), rating, rater, itemRaters);
        write(r.session().id(), rating.raterUserId(), checked.entry());
        Outcome o = rating.isCorrection() ? Outcome.empty()
                : durable(r, r.rated(rating.timePointId(), checked.form().key(), clock.instant()));
        return new Recorded(checked.score(), o);
    }

    /**
     * Records the subject's part of a form staff complete (CADSS items 1-19 answered on the patient tablet), in the name
     * of who handed the tablet over; the time point is not done until staff rate the observer items.
     */
    public void recordPart(String bedId, Rating part) {
        SessionRuntime r = unlocked(bedId);
        write(r.session().id(), part.raterUserId(), ratings.checkPart(r.session(), part));
    }

    /** The station's score of a recorded rating, and what it changed (prompts completing). */
    public record Recorded(Score score, Outcome outcome) {
    }

    public Outcome acknowledge(String bedId, String alarmId, String user) {
        SessionRuntime r = unlocked(bedId);
        return durable(r, r.acknowledge(alarmId, user, clock.instant()));
    }

    public Outcome silence(String bedId, String alarmId, String user, Duration d) {
        SessionRuntime r = unlocked(bedId);
        return durable(r, r.silence(alarmId, user, d, clock.instant()));
    }

    /** A live numeric value; pump values drive the infusion clock, the others the alarms. */
    public Outcome numeric(NumericSample s) {
        SessionRuntime r = byBed.get(s.source().bedId());
        if (r == null || r.session().state() == SessionState.CLOSED) {
            return Outcome.empty();
        }
        learnClock(r, s);
        PumpState pump = pumps.computeIfAbsent(s.source().bedId(), b -> new PumpState());
        return switch (s.stream()) {
            case PUMP_RATE -> {
                pump.rate = s.value();
                yield Outcome.empty();
            }
            case PUMP_VOLUME_INFUSED -> {
                pump.volume = s.value();
                yield durable(r, r.pump(new PumpReading(s.receiveTime(), pump.state, pump.rate, s.value()), clock.instant()));
            }
            case PUMP_VOLUME_TO_BE_INFUSED, PUMP_TIME_REMAINING -> Outcome.empty();
            default -> durable(r, r.vital(s.stream(), s.value(), measuredAt(s), clock.instant()));
        };
    }

    /**
     * When a value was measured, on the station's clock. Continuous values are current when received; a cuff reading
     * keeps its own age ({@link LearntClockOffsets}: its device time corrected by the device's least recent clock offset, never
     * later than its arrival).
     */
    private Instant measuredAt(NumericSample s) {
        return LearntClockOffsets.isCuff(s.stream()) ? clocks.measuredAt(s) : s.receiveTime();
    }

    /**
     * Learns a device's clock offset (receive time minus device time) from its continuous values and writes it to the
     * session's trail when the device is first heard in the session and whenever it moves by
     * {@link #CLOCK_STEP} or more: the exports correct the device's stored times with it.
     */
    private void learnClock(SessionRuntime r, NumericSample s) {
        if (LearntClockOffsets.isCuff(s.stream())) {
            return;
        }
        clocks.learn(s);
        Duration offset = clocks.offset(s.source()).orElseThrow();
        String key = r.session().id() + "\n" + s.source().deviceId();
        Duration written = writtenOffsets.get(key);
        if (written == null || offset.minus(written).abs().compareTo(CLOCK_STEP) >= 0) {
            writtenOffsets.put(key, offset);
            write(r.session().id(), AuditPort.STATION, new TrailEvent.DeviceClockOffset(s.receiveTime(), s.source().deviceId(),
                    offset.toMillis()));
        }
    }

    /** A change of a device's clock offset that is written again (smaller moves are the transport's jitter). */
    static final Duration CLOCK_STEP = Duration.ofSeconds(1);
    /** The devices' clock offsets (the least over a window), shared in kind with the visit worker's. */
    private final LearntClockOffsets clocks = new LearntClockOffsets();
    /** The offset last written per session and device ("session id\ndevice id"). */
    private final Map<String, Duration> writtenOffsets = new HashMap<>();

    public Outcome state(StateSample s) {
        SessionRuntime r = byBed.get(s.source().bedId());
        if (r == null || r.session().state() == SessionState.CLOSED) {
            return Outcome.empty();
        }
        if (s.stream() == Stream.PUMP_STATE) {
            pumps.computeIfAbsent(s.source().bedId(), b -> new PumpState()).state = s.value();
            return Outcome.empty();
        }
        boolean on = !s.value().equals("none");
        return durable(r, r.technical(TechnicalAlarmId.of("PUMP_ALARM"), on, AlarmPriority.HIGH, "pump alarm: " + s.value(), clock.instant()));
    }

    public Outcome technical(String bedId, TechnicalAlarmId id, boolean on, AlarmPriority priority, String message) {
        SessionRuntime r = byBed.get(bedId);
        return r == null || r.session().state() == SessionState.CLOSED ? Outcome.empty()
                : durable(r, r.technical(id, on, priority, message, clock.instant()));
    }

    /** Advances every open session's schedule and alarms to now. */
    public Map<String, Outcome> tick() {
        Map<String, Outcome> out = new HashMap<>();
        byBed.forEach((bed, r) -> {
            if (r.session().state() != SessionState.CLOSED) {
                Outcome o = durable(r, r.tick(clock.instant()));
                if (!o.isEmpty()) {
                    out.put(bed, o);
                }
            }
        });
        return out;
    }

    /**
     * Records a clinical event marked by staff (nausea, emergence reaction, a note...) in the audit trail.
     * @return when it was recorded
     */
    public Instant mark(String bedId, String user, String kind, String note) {
        SessionRuntime r = unlocked(bedId);
        Instant at = clock.instant();
        write(r.session().id(), user, new TrailEvent.MarkerRecorded(at, kind, note));
        return at;
    }

    /** Records this session's pre-dose vitals (each with its measuring time), taken as the baseline of the discharge check. */
    public void preDoseVitals(String bedId, String actor, List<TrailEvent.VitalReading> values) {
        SessionRuntime r = unlocked(bedId);
        write(r.session().id(), actor, new TrailEvent.PreDoseVitals(clock.instant(), values));
    }

    /** Records why the infusion start is confirmed although the pre-dose gate has concerns (before the start itself). */
    public void preDoseGateOverridden(String bedId, String user, List<String> concerns, String reason) {
        SessionRuntime r = unlocked(bedId);
        write(r.session().id(), user, new TrailEvent.PreDoseGateOverridden(clock.instant(), concerns, requireReason(reason)));
    }

    /**
     * Returns the kit of the session on {@code bedId}, closing before the infusion started, to the pool: {@code user}
     * states it was never opened (no dose prepared) and gives a reason; recorded before the close itself.
     * @throws IllegalStateException when the session was dosed, the kit was already returned, or no reason is given
     */
    public void kitReturned(String bedId, String user, String reason) {
        SessionRuntime r = unlocked(bedId);
        String id = r.session().id();
        Optional<String> why = Optional.ofNullable(reason).map(String::strip).filter(x -> !x.isEmpty());
        if (r.session().infusionStart().isPresent() || r.infusion().started()) {
            kits.dosed(id);
        }
        kits.returnable(id, why);
        write(id, user, new TrailEvent.KitReturned(clock.instant(), r.session().created().kitId(), why.orElseThrow()));
        kits.returned(id, why);
    }

    /** Records a physician's reason for "ready for discharge" while criteria are unmet (before the step itself). */
    public void dischargeOverridden(String bedId, String user, List<DischargeCheck.Criterion> unmet, String reason) {
        SessionRuntime r = unlocked(bedId);
        write(r.session().id(), user, TrailEvent.DischargeOverridden.of(clock.instant(), unmet, requireReason(reason)));
    }

    /** Records an adverse event entered or confirmed by {@code user}; the same id again updates it. */
    public Instant adverseEvent(String bedId, String user, AdverseEvent e) {
        SessionRuntime r = unlocked(bedId);
        Instant at = clock.instant();
        if (e.start().isAfter(at) || e.end().filter(end -> end.isAfter(at)).isPresent()) {
            throw new IllegalArgumentException("an adverse event cannot start or end in the future");
        }
        write(r.session().id(), user, new TrailEvent.AdverseEventRecorded(at, e));
        return at;
    }

    /** Records a rescue or concomitant medication given on order. */
    public Instant medication(String bedId, String user, Medication m) {
        SessionRuntime r = unlocked(bedId);
        Instant at = clock.instant();
        if (m.givenAt().isAfter(at)) {
            throw new IllegalArgumentException("a medication is recorded once given, not ahead (given at " + m.givenAt() + ")");
        }
        write(r.session().id(), user, new TrailEvent.MedicationGiven(at, m));
        return at;
    }

    /**
     * Emergency unblinding of the bed's session (open or closed) for {@code user} in {@code role}: a role that may not is
     * refused and the attempt audited ({@link SecurityException}); otherwise the unblinding is audited before the arm is
     * returned. The arm is never written anywhere.
     */
    public Arm unblind(String bedId, String user, String role, Set<String> allowedRoles, String reason) {
        SessionRuntime r = runtime(bedId);
        Optional<KitAssignments> assignments = study.kitAssignments();
        if (assignments.isEmpty() && allowedRoles.contains(role)) {
            throw new IllegalStateException("emergency unblinding is not set up on this station: no pharmacy kit-to-arm file "
                    + "(clinical.kitAssignments); use the study's unblinding procedure");
        }
        return new UnblindingService(audit, assignments.orElseGet(KitAssignments::none), allowedRoles, clock)
                .unblind(r.session(), user, role, reason);
    }

    /** Records what happened to a patient tablet handed a rating of the session {@code sessionId} (null: none known). */
    public void tablet(String sessionId, String actor, TrailEvent.TabletAccess event) {
        audit.record(actor, sessionId == null ? null : new SessionId(sessionId), event);
    }

    /** Records that a request was refused for lack of a permission (station-wide, like the bus guard's refusals). */
    public void accessDenied(String user, String role, String permission, String address) {
        audit.record(user, null, new TrailEvent.AccessDenied(role, permission, address));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return reason.strip();
    }

    public PumpStatus pump(String bedId) {
        PumpState p = pumps.getOrDefault(bedId, new PumpState());
        return new PumpStatus(p.state, p.rate, p.volume);
    }

    public Instant now() {
        return clock.instant();
    }

    public ProtocolCatalog protocols() {
        return protocols;
    }

    public Optional<SessionRuntime> onBed(String bedId) {
        return Optional.ofNullable(byBed.get(bedId));
    }

    public Collection<SessionRuntime> all() {
        return byBed.values();
    }

    private SessionRuntime runtime(String bedId) {
        SessionRuntime r = byBed.get(bedId);
        if (r == null) {
            throw new IllegalStateException("no session on bed " + bedId);
        }
        return r;
    }

    /**
     * The bed's session while it may still change. A closed session is locked: its record (signed or not) changes
     * only through an amendment in review, never from the bedside.
     */
    private SessionRuntime unlocked(String bedId) {
        SessionRuntime r = runtime(bedId);
        if (r.session().state() == SessionState.CLOSED) {
            throw new IllegalStateException(String.format(LOCKED, r.session().id(), bedId));
        }
        return r;
    }

    private Outcome durable(SessionRuntime r, Outcome o) {
        String id = r.session().id();
        o.session().forEach(e -> write(id, e.actor(), new TrailEvent.SessionStepped(e)));
        o.infusion().forEach(e -> write(id, AuditPort.STATION, new TrailEvent.InfusionChanged(e)));
        if (o.session().stream().anyMatch(e -> e instanceof SessionEvent.InfusionStarted)
                || o.infusion().stream().anyMatch(e -> e instanceof InfusionEvent.Started)) {
            kits.dosed(id);
        }
        if (o.session().stream().anyMatch(e -> e instanceof SessionEvent.Closed)) {
            kits.closed(id);
        }
        o.prompts().forEach(e -> write(id, AuditPort.STATION, new TrailEvent.PromptChanged(e)));
        o.alarms().forEach(e -> write(id, e.by(), new TrailEvent.AlarmChanged(e)));
        return o;
    }

    private void write(String sessionId, String actor, TrailEvent event) {
        audit.record(actor, new SessionId(sessionId), event);
    }
}
