package org.openinfusion.station.clinical.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.alarm.VitalCheck;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.SubjectPart;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.rating.Scorer;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.SubjectCode;
import org.openinfusion.station.clinical.visit.ClinicList;
import org.openinfusion.station.clinical.visit.Measures;
import org.openinfusion.station.clinical.visit.PlannedVisit;
import org.openinfusion.station.clinical.visit.SubjectFacts;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.clinical.visit.VisitSchedule;
import org.openinfusion.station.clinical.visit.WindowStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.TabletGrants;

/**
 * Study visits (docs/visits.md): every command is checked against the protocol's visit schedule and the trail, then
 * written to the audit trail (durable before it is answered). State is never kept beside the trail: each request asks
 * the trail for its history (the station's {@code TailHistory} reads only what was appended) and derives the
 * {@link StudyVisits} again when that history changed, so a restarted station has every subject's timeline back.
 * Not thread-safe: run on one worker, like the session service.
 */
public final class VisitService {
    /** The time point a rating of an unscheduled visit names. */
    public static final String UNSCHEDULED = "unscheduled";

    private final ProtocolCatalog protocols;
    private final InstrumentCatalog instruments;
    private final AuditPort audit;
    private final Supplier<AuditHistory> trail;
    private final Clock clock;
    private final ZoneId zone;
    private final MonitorReadings monitors = new MonitorReadings();
    private AuditHistory readFrom;
    private StudyVisits read;

    /** A request that the schedule or the visit's state does not allow: answered 400 with the message. */
    public static final class VisitRefused extends RuntimeException {
        public VisitRefused(String message) {
            super(message);
        }
    }

    /**
     * @param trail the audit trail as it stands (read at each request)
     * @param zone the site's time zone: which calendar day an instant falls on
     */
    public VisitService(ProtocolCatalog protocols, InstrumentCatalog instruments, AuditPort audit, Supplier<AuditHistory> trail, Clock clock,
                        ZoneId zone) {
        this.protocols = protocols;
        this.instruments = instruments;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
        this.zone = zone;
    }

    /** The study visits read from the trail now (derived again only when the supplier gives another history). */
    public StudyVisits visits() {
        AuditHistory h = trail.get();
        if (h != readFrom) {
            read = new StudyVisits(h, Measures.using(instruments::get));
            readFrom = h;
        }
        return read;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public List<ClinicList.Row> clinicList(LocalDate day) {
        StudyVisits v = visits();
        return ClinicList.on(day, v.subjects().stream().flatMap(f -> schedule(f.protocolId()).map(s -> SubjectTimeline.of(s, f, zone, day)).stream())
                .toList());
    }

    /** Every enrolled subject's timeline on {@code day}, and the protocols with a visit schedule (to enrol in). */
    public VisitReply.DaySheet daySheet(LocalDate day) {
        StudyVisits v = visits();
        List<SubjectTimeline> timelines = v.subjects().stream()
                .flatMap(f -> schedule(f.protocolId()).map(s -> SubjectTimeline.of(s, f, zone, day)).stream()).toList();
        List<ProtocolChoices.Choice> enrolable = protocols.all().stream().map(p -> protocols.latest(p.id()).orElseThrow()).distinct()
                .filter(p -> p.visits().isPresent()).map(p -> new ProtocolChoices.Choice(p.id(), p.version(), p.title())).toList();
        Set<String> seen = new HashSet<>();
        List<StudyVisits.Unenrolled> notEnrolled = v.unenrolled().stream()
                .filter(u -> schedule(u.protocolId()).isPresent() && LocalDate.ofInstant(u.at(), zone).equals(day))
                .filter(u -> seen.add(u.subject() + "\n" + u.protocolId())).toList();
        Map<String, StudyVisits.SignatureStatus> signatures = new HashMap<>();
        v.visits().forEach(x -> signatures.put(x.id(), x.signatureStatus()));
        return new VisitReply.DaySheet(day, timelines, enrolable, notEnrolled, signatures);
    }

    /** A rating visit as recorded so far, with its subject's timeline as it stands today. */
    public VisitReply.Visit visitSheet(String visitSessionId) {
        StudyVisits v = visits();
        StudyVisits.VisitSession s = v.visit(visitSessionId).orElseThrow(() -> new VisitRefused("no rating visit " + visitSessionId));
        return new VisitReply.Visit(timeline(v, s.started().subject(), s.started().protocolId(), today()), s, offered(s));
    }

    /** What a visit rates: its planned instruments; at an unscheduled visit, the schedule's then the infusion day's. */
    private List<String> offered(StudyVisits.VisitSession s) {
        VisitSchedule schedule = scheduleOf(s.started().protocolId());
        if (s.started().visitId() != null) {
            return schedule.visit(s.started().visitId()).orElseThrow().instruments();
        }
        Set<String> forms = new LinkedHashSet<>();
        schedule.visits().forEach(p -> forms.addAll(p.instruments()));
        protocols.latest(s.started().protocolId()).orElseThrow().schedule().forEach(t -> forms.addAll(t.instruments()));
        return List.copyOf(forms);
    }

    public SubjectTimeline timeline(String subject, String protocolId, LocalDate day) {
        return timeline(visits(), subject, protocolId, day);
    }

    private SubjectTimeline timeline(StudyVisits v, String subject, String protocolId, LocalDate day) {
        SubjectFacts f = v.subject(subject, protocolId).orElseThrow(() -> new VisitRefused(subject + " is not enrolled in " + protocolId));
        return SubjectTimeline.of(scheduleOf(protocolId), f, zone, day);
    }

    /** Carries out one command for {@code actor} (the signed-in user). */
    public VisitReply.Done handle(String actor, VisitCommand c) {
        return switch (c) {
            case VisitCommand.Enrol e -> enrol(actor, e);
            case VisitCommand.StartVisit s -> start(actor, s);
            case VisitCommand.StartUnscheduled u -> unscheduled(actor, u);
            case VisitCommand.RecordRating r -> rate(actor, r, null);
            case VisitCommand.RecordVitals v -> vitals(actor, v);
            case VisitCommand.TakeFromMonitor t -> fromMonitor(actor, t);
            case VisitCommand.AddNote n -> {
                if (n.text() == null || n.text().isBlank()) {
                    throw new VisitRefused("a note needs its text");
                }
                yield inOpenVisit(actor, n.visitSessionId(), new TrailEvent.MarkerRecorded(clock.instant(), "NOTE", n.text().strip()));
            }
            case VisitCommand.RecordAdverseEvent a -> inOpenVisit(actor, a.visitSessionId(), new TrailEvent.AdverseEventRecorded(clock.instant(), a.event()));
            case VisitCommand.Complete x -> complete(actor, x);
            case VisitCommand.MarkMissed m -> missed(actor, m);
            case VisitCommand.Amend a -> amend(actor, a);
            case VisitCommand.CorrectVitals x -> throw new VisitRefused("vital signs are corrected by a physician's amendment of the completed visit,"
                    + " with its reason");
            case VisitCommand.AmendAdverseEvent x -> throw new VisitRefused("an adverse event is changed by a physician's amendment of the completed"
                    + " visit, with its reason");
        };
    }

    /**
     * Hand-entered vitals (docs/visits.md): refused, naming the field, when one cannot have been measured (outside the
     * stream's physical range, systolic below diastolic); kept and flagged with each alarm limit of the protocol (the
     * limits the bedside alarms use) it is outside of.
     */
    private VisitReply.Done vitals(String actor, VisitCommand.RecordVitals v) {
        if (v.values().isEmpty()) {
            throw new VisitRefused("no vital signs given");
        }
        return recordVitals(actor, open(v.visitSessionId()), v.values(), null);
    }

    /** A value a device streamed to the station (the visit worker is fed the station's numeric samples). */
    public void sample(NumericSample s) {
        monitors.sample(s);
    }

    /** The monitors streaming to the station, each bed's latest values with their age and whether they can be taken now. */
    public VisitReply.Monitors monitors(String visitSessionId) {
        StudyVisits.VisitSession v = visits().visit(visitSessionId).orElseThrow(() -> new VisitRefused("no rating visit " + visitSessionId));
        List<AlarmLimit> limits = limits(v);
        return new VisitReply.Monitors(monitors.beds().stream().map(bed -> monitor(bed, limits)).toList());
    }

    private VisitReply.Monitor monitor(String bed, List<AlarmLimit> limits) {
        Instant now = clock.instant();
        List<VisitReply.MonitorValue> values = monitors.latest(bed).stream().map(r -> new VisitReply.MonitorValue(r.stream().key(), r.value(),
                r.device().deviceId(), r.measuredAt(), Math.max(0, Duration.between(r.measuredAt(), now).toSeconds()),
                VitalCheck.maxAge(limits, r.stream().key()).map(Duration::toSeconds).orElse(-1L))).toList();
        String unavailable = null;
        if (trail.get().sessions().stream().anyMatch(s -> bed.equals(s.created().bedId()) && !s.closed())) {
            unavailable = bed + " has an infusion session in progress: its monitor reads that session's patient";
        } else if (values.stream().noneMatch(VisitReply.MonitorValue::current)) {
            unavailable = "no value from the monitor at " + bed + " is recent enough: " + values.stream().map(x -> VitalCheck.name(x.stream()) + " "
                    + x.ageSeconds() + " s old" + (x.maxAgeSeconds() < 0 ? " (no alarm limit on it)" : " (at most " + x.maxAgeSeconds() + " s)"))
                    .collect(Collectors.joining(", "));
        }
        return new VisitReply.Monitor(bed, values, unavailable);
    }

    /**
     * "Take from monitor": the station's own latest values of the bed's devices that are recent enough (no older than
     * the age the protocol's alarm limits allow on the stream), recorded with source = the bed and its devices.
     */
    private VisitReply.Done fromMonitor(String actor, VisitCommand.TakeFromMonitor t) {
        StudyVisits.VisitSession visit = open(t.visitSessionId());
        if (t.bedId() == null || !monitors.beds().contains(t.bedId())) {
            throw new VisitRefused("no monitor streams from " + t.bedId());
        }
        VisitReply.Monitor m = monitor(t.bedId(), limits(visit));
        if (m.unavailable() != null) {
            throw new VisitRefused(m.unavailable());
        }
        List<VisitReply.MonitorValue> current = m.values().stream().filter(VisitReply.MonitorValue::current).toList();
        String source = t.bedId() + ": " + current.stream().map(VisitReply.MonitorValue::deviceId).distinct().collect(Collectors.joining(", "));
        return recordVitals(actor, visit, current.stream().map(x -> new TrailEvent.VitalReading(x.stream(), x.value(), x.measuredAt())).toList(),
                source);
    }

    private List<AlarmLimit> limits(StudyVisits.VisitSession visit) {
        return protocols.latest(visit.started().protocolId()).map(Protocol::alarms).orElse(List.of());
    }

    private VisitReply.Done recordVitals(String actor, StudyVisits.VisitSession visit, List<TrailEvent.VitalReading> readings, String source) {
        requirePossible(byStream(readings));
        audit.record(actor, new SessionId(visit.id()), new TrailEvent.VisitVitals(clock.instant(), readings, source, flags(visit, readings)));
        return done(visit.started().subject(), visit.started().protocolId(), visit.id(), Optional.empty());
    }

    private static Map<String, Double> byStream(List<TrailEvent.VitalReading> readings) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (TrailEvent.VitalReading r : readings) {
            if (values.put(r.stream(), r.value()) != null) {
                throw new VisitRefused(VitalCheck.name(r.stream()) + " is given twice");
            }
        }
        return values;
    }

    private static void requirePossible(Map<String, Double> values) {
        List<String> impossible = VitalCheck.impossible(values);
        if (!impossible.isEmpty()) {
            throw new VisitRefused(String.join("; ", impossible));
        }
    }

    private List<TrailEvent.VitalFlag> flags(StudyVisits.VisitSession visit, List<TrailEvent.VitalReading> readings) {
        List<AlarmLimit> limits = limits(visit);
        return readings.stream().flatMap(r -> VitalCheck.breaches(limits, r.stream(), r.value()).stream())
                .map(b -> new TrailEvent.VitalFlag(b.stream(), b.value(), b.limit(), b.priority().name().toLowerCase(Locale.ROOT), b.source()))
                .toList();
    }

    /**
     * A physician's correction of vital signs recorded at a completed visit: only values of the entry named, each different
     * from the value in effect, each keeping the time it was measured; checked as at the visit (with the entry's other
     * values in effect: a corrected systolic below the diastolic is refused) and flagged against the alarm limits.
     */
    private void correctVitals(String actor, StudyVisits.VisitSession v, String reason, VisitCommand.CorrectVitals c) {
        StudyVisits.VitalsInEffect original = v.vitalsInEffect().stream().filter(x -> x.entry().seq() == c.originalSeq()).findFirst()
                .orElseThrow(() -> new VisitRefused("entry " + c.originalSeq() + " is not vital signs recorded at this visit"));
        if (c.values().isEmpty()) {
            throw new VisitRefused("no vital signs given");
        }
        Map<String, StudyVisits.VitalInEffect> inEffect = new LinkedHashMap<>();
        original.values().forEach(x -> inEffect.put(x.reading().stream(), x));
        Map<String, Double> given = byStream(c.values());
        List<TrailEvent.VitalReading> readings = new ArrayList<>();
        for (Map.Entry<String, Double> e : given.entrySet()) {
            StudyVisits.VitalInEffect was = inEffect.get(e.getKey());
            if (was == null) {
                throw new VisitRefused(VitalCheck.name(e.getKey()) + " was not recorded in that entry: a correction replaces a value recorded");
            }
            if (was.reading().value() == e.getValue()) {
                throw new VisitRefused(VitalCheck.name(e.getKey()) + " is already " + VitalCheck.fmt(e.getValue()) + ": nothing to correct");
            }
            readings.add(new TrailEvent.VitalReading(e.getKey(), e.getValue(), was.reading().measuredAt()));
        }
        Map<String, Double> after = new LinkedHashMap<>();
        inEffect.forEach((stream, x) -> after.put(stream, given.getOrDefault(stream, x.reading().value())));
        requirePossible(after);
        SessionId session = new SessionId(v.id());
        audit.record(actor, session, new TrailEvent.VisitVitals(clock.instant(), readings, null, flags(v, readings), c.originalSeq()));
        audit.record(actor, session, new TrailEvent.RecordAmended(clock.instant(), reason, new TrailEvent.VitalsReplaced(c.originalSeq())));
    }

    /**
     * An amendment of a completed visit (physicians: the caller admits RECORD_AMEND): the new entry, then
     * {@code record.amended} with the reason, as review amends an infusion session's record. Nothing is overwritten.
     */
    private VisitReply.Done amend(String actor, VisitCommand.Amend a) {
        StudyVisits.VisitSession v = visits().visit(Objects.requireNonNullElse(a.visitSessionId(), ""))
                .orElseThrow(() -> new VisitRefused("no rating visit " + a.visitSessionId()));
        if (v.completedAt().isEmpty()) {
            throw new VisitRefused("the visit is still open: record it at the visit, an amendment is for a completed visit");
        }
        if (a.reason() == null || a.reason().isBlank()) {
            throw new VisitRefused("an amendment needs its reason");
        }
        String reason = a.reason().strip();
        SessionId session = new SessionId(v.id());
        Optional<Score> score = Optional.empty();
        switch (a.change()) {
            case VisitCommand.AddNote n -> {
                if (n.text() == null || n.text().isBlank()) {
                    throw new VisitRefused("a note needs its text");
                }
                audit.record(actor, session, new TrailEvent.RecordAmended(clock.instant(), reason, new TrailEvent.NoteAdded(n.text().strip())));
            }
            case VisitCommand.RecordAdverseEvent e -> amendAdverseEvent(actor, v, reason, e.event(), false);
            case VisitCommand.AmendAdverseEvent e -> amendAdverseEvent(actor, v, reason, e.event(), true);
            case VisitCommand.RecordRating r -> {
                Rating rating = r.rating();
                if (!rating.isCorrection()) {
                    throw new VisitRefused("an amendment corrects a rating of the visit: rate a new instrument at an unscheduled visit");
                }
                if (v.effectiveRatings().stream().noneMatch(x -> x.id().equals(rating.correction().originalRatingId()))) {
                    throw new VisitRefused("rating " + rating.correction().originalRatingId() + " is not a rating in effect at this visit");
                }
                if (!rating.raterUserId().equals(actor)) {
                    throw new VisitRefused("a rating is entered by the signed-in rater");
                }
                if (!rating.timePointId().equals(timePointOf(v)) || v.ratings().stream().anyMatch(x -> x.id().equals(rating.id()))) {
                    throw new VisitRefused("a correction of this visit names its time point '" + timePointOf(v) + "' and a new rating id");
                }
                Score s;
                try {
                    s = Scorer.score(instrument(rating.instrumentId()), rating);
                } catch (IllegalArgumentException e) {
                    throw new VisitRefused(e.getMessage());
                }
                // the correction and the amendment with its reason as one append: all of it or nothing
                audit.recordAll(actor, session, List.of(new TrailEvent.RatingEntered(rating, TrailEvent.RatingScore.of(s), true),
                        new TrailEvent.RecordAmended(clock.instant(), reason,
                                new TrailEvent.RatingReplaced(rating.correction().originalRatingId(), rating.id()))));
                score = Optional.of(s);
            }
            case VisitCommand.CorrectVitals x -> correctVitals(actor, v, reason, x);
            case null, default -> throw new VisitRefused("an amendment corrects a rating or vital signs, adds a note or records an adverse event");
        }
        return done(v.started().subject(), v.started().protocolId(), v.id(), score);
    }

    /**
     * An adverse event added to a completed visit ({@code change} false: its id must be new there, so two physicians
     * adding one at once cannot replace each other's) or a later version of one recorded there ({@code change} true: its
     * id must be recorded), then {@code record.amended} with the reason.
     */
    private void amendAdverseEvent(String actor, StudyVisits.VisitSession v, String reason, AdverseEvent event, boolean change) {
        if (event == null) {
            throw new VisitRefused("no adverse event given");
        }
        boolean recorded = v.entries().stream().anyMatch(r -> r.event() instanceof TrailEvent.AdverseEventRecorded a
                && a.event().id().equals(event.id()));
        if (change && !recorded) {
            throw new VisitRefused("adverse event " + event.id() + " is not recorded at this visit: add it as a new one");
        }
        if (!change && recorded) {
            throw new VisitRefused("adverse event " + event.id() + " is already recorded at this visit (added meanwhile?):"
                    + " reload the visit and amend it, or add the new one again");
        }
        SessionId session = new SessionId(v.id());
        audit.record(actor, session, new TrailEvent.AdverseEventRecorded(clock.instant(), event));
        audit.record(actor, session, new TrailEvent.RecordAmended(clock.instant(), reason, new TrailEvent.AdverseEventAdded(event.id())));
    }

    private VisitReply.Done enrol(String actor, VisitCommand.Enrol e) {
        requireSubject(e.subject());
        scheduleOf(e.protocolId());
        if (visits().subject(e.subject(), e.protocolId()).isPresent()) {
            throw new VisitRefused(e.subject() + " is already enrolled in " + e.protocolId());
        }
        audit.record(actor, null, new TrailEvent.SubjectEnrolled(clock.instant(), e.subject(), e.protocolId(), e.consentDay()));
        return done(e.subject(), e.protocolId(), null, Optional.empty());
    }

    private VisitReply.Done start(String actor, VisitCommand.StartVisit s) {
        VisitSchedule schedule = scheduleOf(s.protocolId());
        PlannedVisit planned = schedule.visit(s.visitId()).orElseThrow(() -> new VisitRefused("no visit '" + s.visitId() + "' in " + s.protocolId()));
        if (planned.kind() != VisitKind.RATING) {
            throw new VisitRefused("the infusion day is held as an infusion session at a bed, not as a rating visit");
        }
        requirePeriod(schedule, s.period());
        if (!schedule.visitsIn(s.period()).contains(planned)) {
            throw new VisitRefused(planned.name() + " is held once, in period 1");
        }
        SubjectTimeline t = timeline(s.subject(), s.protocolId(), today());
        SubjectTimeline.Line line = t.lines().stream().filter(l -> planned.equals(l.planned()) && l.period() == s.period()).findFirst().orElseThrow();
        switch (line.status()) {
            case MISSED -> throw new VisitRefused(planned.name() + " of period " + s.period() + " was marked missed: hold an unscheduled visit");
            case DONE, DONE_OUT_OF_WINDOW, IN_PROGRESS -> throw new VisitRefused(planned.name() + " of period " + s.period() + " is already held");
            case NOT_YET_ANCHORED -> throw new VisitRefused(planned.name() + " of period " + s.period() + " cannot be held before its anchor ("
                    + planned.anchor().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            default -> {
            }
        }
        String id = newVisitId();
        audit.record(actor, new SessionId(id), new TrailEvent.VisitStarted(clock.instant(), s.subject(), s.protocolId(), s.visitId(), s.period(), null));
        return done(s.subject(), s.protocolId(), id, Optional.empty());
    }

    private VisitReply.Done unscheduled(String actor, VisitCommand.StartUnscheduled u) {
        requirePeriod(scheduleOf(u.protocolId()), u.period());
        if (u.reason() == null || u.reason().isBlank()) {
            throw new VisitRefused("an unscheduled visit needs the reason it is held");
        }
        timeline(u.subject(), u.protocolId(), today());
        String id = newVisitId();
        audit.record(actor, new SessionId(id), new TrailEvent.VisitStarted(clock.instant(), u.subject(), u.protocolId(), null, u.period(),
                u.reason().strip()));
        return done(u.subject(), u.protocolId(), id, Optional.empty());
    }

    /**
     * Staff hand an instrument of an open rating visit to the patient tablet (docs/tablet.md): only an instrument the
     * visit rates and has not rated yet, only a form whose items the subject rates. Audited on the visit's own session
     * ({@code tablet.code_issued}); the code itself never is.
     */
    public TabletRequest.Code handOver(Principal staff, String visitSessionId, String formKey, TabletGrants grants) {
        StudyVisits.VisitSession v = open(visitSessionId);
        FormKey form = FormKey.resolve(instruments, formKey).orElseThrow(() -> new VisitRefused("unknown form " + formKey));
        String timePoint = timePointOf(v);
        if (v.started().visitId() != null) {
            List<String> planned = scheduleOf(v.started().protocolId()).visit(timePoint).orElseThrow().instruments();
            if (!planned.contains(form.instrumentId())) {
                throw new VisitRefused(form.instrumentId() + " is not rated at this visit (it rates " + String.join(", ", planned) + ")");
            }
        }
        if (v.effectiveRatings().stream().anyMatch(x -> new FormKey(x.instrumentId(), x.shortFormId()).equals(form))) {
            throw new VisitRefused(formKey + " is already rated at this visit");
        }
        if (v.pendingParts().stream().anyMatch(p -> new FormKey(p.instrumentId(), p.shortFormId()).equals(form))) {
            throw new VisitRefused("the subject has answered " + formKey + " on the tablet: staff rate its observer items");
        }
        List<Item> items;
        try {
            items = TabletHandler.tabletItems(instruments, formKey);
        } catch (IllegalArgumentException e) {
            throw new VisitRefused(e.getMessage());
        }
        var handover = new TabletGrants.Handover(grants.newHandoverId(), null, v.id(), timePoint, formKey, staff);
        TabletGrants.Issued issued = grants.issue(handover);
        tablet(handover, staff.userId(), TrailEvent.TabletStep.CODE_ISSUED, "valid until " + issued.expiresAt());
        return new TabletRequest.Code(issued.code(), issued.expiresAt(), items.size());
    }

    /**
     * A patient tablet's rating at a rating visit: recorded with rater = subject in the name of who handed it over, and
     * only when it is exactly the rating handed over (empty otherwise: the caller refuses it, 403, and this audits the
     * refusal). The caller locks the tablet once it is recorded.
     */
    public Optional<VisitReply.Done> rateFromTablet(TabletGrants.Handover h, VisitCommand c, String address) {
        if (c instanceof VisitCommand.RecordRating r && h.atVisit() && h.sessionId().equals(r.visitSessionId())) {
            Rating rating = r.rating();
            String form = rating.shortFormId() == null ? rating.instrumentId() : rating.shortFormId();
            if (rating.timePointId().equals(h.timePointId()) && form.equals(h.form()) && !rating.isCorrection()
                    && rating.raterUserId().equals(h.staff().userId()) && rating.raterRole().equals(h.staff().role().key())) {
                return Optional.of(fromTablet(h.staff().userId(), r));
            }
        }
        audit.record(TabletHandler.TABLET, null, new TrailEvent.AccessDenied(TabletHandler.TABLET, "TABLET:" + h.form() + "@" + h.timePointId(), address));
        return Optional.empty();
    }

    /**
     * The tablet's answers: a whole self-report form is a rating with rater = subject; the subject-rated items of a
     * form that staff complete (CADSS 1-19) are recorded as the subject's part, exactly those items, each in range.
     */
    private VisitReply.Done fromTablet(String staff, VisitCommand.RecordRating r) {
        Rating rating = r.rating();
        Instrument instrument = instrument(rating.instrumentId());
        if (!SubjectPart.split(instrument, rating.shortFormId())) {
            return rate(staff, r, Rater.SUBJECT);
        }
        StudyVisits.VisitSession v = open(r.visitSessionId());
        try {
            SubjectPart.requireExactly(instrument, rating);
        } catch (IllegalArgumentException e) {
            throw new VisitRefused(e.getMessage());
        }
        audit.record(staff, new SessionId(v.id()), new TrailEvent.RatingPartAnswered(rating));
        return done(v.started().subject(), v.started().protocolId(), v.id(), Optional.empty());
    }

    private Instrument instrument(String id) {
        try {
            return instruments.get(id);
        } catch (NoSuchElementException e) {
            throw new VisitRefused(e.getMessage());
        }
    }

    /** Audits a step of a rating visit's tablet (unlocks and idle locks are audited by the session worker's handler). */
    public void tablet(TabletGrants.Handover h, String actor, TrailEvent.TabletStep step, String detail) {
        audit.record(actor, new SessionId(h.sessionId()), new TrailEvent.TabletAccess(clock.instant(), step, h.id(), h.timePointId(), h.form(), detail));
    }

    private static String timePointOf(StudyVisits.VisitSession v) {
        return v.started().visitId() == null ? UNSCHEDULED : v.started().visitId();
    }

    private VisitReply.Done rate(String actor, VisitCommand.RecordRating r, Rater rater) {
        StudyVisits.VisitSession v = open(r.visitSessionId());
        Rating rating = r.rating();
        String expected = timePointOf(v);
        if (!rating.timePointId().equals(expected)) {
            throw new VisitRefused("a rating of this visit names its time point '" + expected + "', not '" + rating.timePointId() + "'");
        }
        if (v.started().visitId() != null) {
            List<String> planned = scheduleOf(v.started().protocolId()).visit(expected).orElseThrow().instruments();
            if (!planned.contains(rating.instrumentId())) {
                throw new VisitRefused(rating.instrumentId() + " is not rated at this visit (it rates " + String.join(", ", planned) + ")");
            }
        }
        if (!rating.raterUserId().equals(actor)) {
            throw new VisitRefused("a rating is entered by the signed-in rater");
        }
        if (rating.isCorrection() && v.ratings().stream().noneMatch(x -> x.id().equals(rating.correction().originalRatingId()))) {
            throw new VisitRefused("rating " + rating.correction().originalRatingId() + " is not a rating of this visit");
        }
        if (v.ratings().stream().anyMatch(x -> x.id().equals(rating.id()))) {
            throw new VisitRefused("rating " + rating.id() + " is already recorded");
        }
        Instrument instrument = instrument(rating.instrumentId());
        Map<String, Rater> itemRaters = new HashMap<>();
        if (!rating.isCorrection()) {
            for (Rating part : v.pendingParts()) {
                if (part.instrumentId().equals(rating.instrumentId()) && Objects.equals(part.shortFormId(), rating.shortFormId())) {
                    try {
                        itemRaters.putAll(SubjectPart.combine(instrument, rating, part));
                    } catch (IllegalArgumentException e) {
                        throw new VisitRefused(e.getMessage());
                    }
                }
            }
        }
        Score score;
        try {
            score = Scorer.score(instrument, rating);
        } catch (IllegalArgumentException e) {
            throw new VisitRefused(e.getMessage());
        }
        audit.record(actor, new SessionId(v.id()), new TrailEvent.RatingEntered(rating, TrailEvent.RatingScore.of(score), false, rater, itemRaters));
        return done(v.started().subject(), v.started().protocolId(), v.id(), Optional.of(score));
    }

    private VisitReply.Done complete(String actor, VisitCommand.Complete c) {
        StudyVisits.VisitSession v = open(c.visitSessionId());
        if (!v.pendingParts().isEmpty()) {
            throw new VisitRefused("the subject answered " + v.pendingParts().stream().map(Rating::instrumentId).collect(Collectors.joining(", "))
                    + " on the tablet: rate its observer items first");
        }
        if (v.started().visitId() != null) {
            List<String> rated = v.effectiveRatings().stream().map(Rating::instrumentId).toList();
            List<String> missing = scheduleOf(v.started().protocolId()).visit(v.started().visitId()).orElseThrow().instruments().stream()
                    .filter(i -> !rated.contains(i)).toList();
            if (!missing.isEmpty()) {
                throw new VisitRefused("not yet rated at this visit: " + String.join(", ", missing));
            }
        }
        audit.record(actor, new SessionId(v.id()), new TrailEvent.VisitCompleted(clock.instant()));
        return done(v.started().subject(), v.started().protocolId(), v.id(), Optional.empty());
    }

    private VisitReply.Done missed(String actor, VisitCommand.MarkMissed m) {
        VisitSchedule schedule = scheduleOf(m.protocolId());
        PlannedVisit planned = schedule.visit(m.visitId()).orElseThrow(() -> new VisitRefused("no visit '" + m.visitId() + "' in " + m.protocolId()));
        requirePeriod(schedule, m.period());
        if (m.reason() == null || m.reason().isBlank()) {
            throw new VisitRefused("a missed visit needs its reason");
        }
        SubjectTimeline t = timeline(m.subject(), m.protocolId(), today());
        SubjectTimeline.Line line = t.lines().stream().filter(l -> planned.equals(l.planned()) && l.period() == m.period()).findFirst()
                .orElseThrow(() -> new VisitRefused(planned.name() + " is held once, in period 1"));
        if (line.visitSessionId() != null || line.status() == WindowStatus.MISSED) {
            throw new VisitRefused(planned.name() + " of period " + m.period() + " is already " + (line.visitSessionId() != null ? "held" : "marked missed"));
        }
        if (!line.missableOn(t.today())) {
            throw new VisitRefused(planned.name() + " of period " + m.period() + " can be marked missed from the last day of its window"
                    + line.windowEnd().map(d -> " (" + d + ")").orElse(" (its anchor has not happened yet)"));
        }
        audit.record(actor, null, new TrailEvent.VisitMissed(clock.instant(), m.subject(), m.protocolId(), m.visitId(), m.period(), m.reason().strip()));
        return done(m.subject(), m.protocolId(), null, Optional.empty());
    }

    private VisitReply.Done inOpenVisit(String actor, String visitSessionId, TrailEvent event) {
        StudyVisits.VisitSession v = open(visitSessionId);
        audit.record(actor, new SessionId(v.id()), event);
        return done(v.started().subject(), v.started().protocolId(), v.id(), Optional.empty());
    }

    private StudyVisits.VisitSession open(String visitSessionId) {
        StudyVisits.VisitSession v = visits().visit(Objects.requireNonNullElse(visitSessionId, ""))
                .orElseThrow(() -> new VisitRefused("no rating visit " + visitSessionId));
        if (v.completedAt().isPresent()) {
            throw new VisitRefused("the visit is completed: corrections are made in review");
        }
        return v;
    }

    private VisitReply.Done done(String subject, String protocolId, String visitSessionId, Optional<Score> score) {
        return new VisitReply.Done(timeline(subject, protocolId, today()), visitSessionId, score);
    }

    private Optional<VisitSchedule> schedule(String protocolId) {
        return protocols.latest(protocolId).flatMap(Protocol::visits);
    }

    private VisitSchedule scheduleOf(String protocolId) {
        if (protocolId == null || protocols.latest(protocolId).isEmpty()) {
            throw new VisitRefused("unknown protocol " + protocolId);
        }
        return schedule(protocolId).orElseThrow(() -> new VisitRefused(protocolId + " has no visit schedule"));
    }

    private static void requirePeriod(VisitSchedule s, int period) {
        if (period < 1 || period > s.periods()) {
            throw new VisitRefused("period must be 1-" + s.periods());
        }
    }

    private static void requireSubject(String subject) {
        try {
            SubjectCode.require(subject);
        } catch (IllegalArgumentException e) {
            throw new VisitRefused(e.getMessage());
        }
    }

    private static String newVisitId() {
        return "visit-" + UUID.randomUUID();
    }
}
