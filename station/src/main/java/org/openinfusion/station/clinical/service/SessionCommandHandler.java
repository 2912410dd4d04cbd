package org.openinfusion.station.clinical.service;

import io.vertx.core.eventbus.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.ProtocolChoices;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.api.UnblindRequest;
import org.openinfusion.station.clinical.api.UnblindedArm;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.protocol.Arm;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.StartGates;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.SubjectPart;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.clinical.session.IllegalTransitionException;
import org.openinfusion.station.clinical.session.Outcome;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionRuntime;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Permission;
import org.openinfusion.station.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the dashboard's session requests. Runs on the session verticle's worker thread, the only thread that
 * may touch the {@link SessionService}. A refused command fails the request with 400 (or 404: no session) and
 * the domain's message; nothing is logged that names a subject.
 */
public final class SessionCommandHandler {
    public static final int REFUSED = 400;
    public static final int NO_SESSION = 404;
    public static final int FAILED = 500;
    /** An e-signature refused: wrong password, or the user id missing at the first signature of a sign-in. */
    public static final int WRONG_SIGNATURE = 422;
    /** The account is locked after too many wrong passwords. */
    public static final int LOCKED = 423;
    private static final Logger LOG = LoggerFactory.getLogger(SessionCommandHandler.class);

    private final SessionService sessions;
    private final BedHistory history = new BedHistory();
    private final BaselineVitals vitals = new BaselineVitals();
    private final Consumer<SessionUpdate> published;

    public SessionCommandHandler(SessionService sessions) {
        this(sessions, update -> { });
    }

    /** {@code published} hears what each staff command produced (the verticle publishes it on the bus). */
    public SessionCommandHandler(SessionService sessions, Consumer<SessionUpdate> published) {
        this.sessions = sessions;
        this.published = published;
        sessions.all().forEach(r -> sessions.restoredHistory(r.session().id()).ifPresent(h -> {
            String id = r.session().id();
            history.restore(id, h);
            h.preDoseVitals().ifPresent(v -> vitals.recorded(id, readings(v.values())));
            SessionState state = r.session().state();
            if (!vitals.isRecorded(id) && (state == SessionState.BASELINE || state == SessionState.PRETREATMENT_GIVEN)) {
                vitals.baseline(r.session().created().bedId(), id); // pre-dose values are taken afresh after a restart
            }
        }));
    }

    /**
     * Every outcome the session service produced for a bed, so the view can list recent alarms and deviations. When the
     * pump started the infusion, the pre-dose values so far are recorded as this session's baseline.
     */
    public void observe(String sessionId, Outcome o) {
        history.outcome(sessionId, o);
        boolean started = o.session().stream().anyMatch(e -> e instanceof SessionEvent.InfusionStarted)
                || o.infusion().stream().anyMatch(e -> e instanceof InfusionEvent.Started);
        if (started && !vitals.isRecorded(sessionId)) {
            sessions.all().stream().filter(r -> r.session().id().equals(sessionId) && r.session().state() != SessionState.CLOSED)
                    .findFirst().ifPresent(r -> {
                        try {
                            recordPreDose(r.session().created().bedId(), sessionId, AuditPort.STATION);
                        } catch (RuntimeException e) {
                            // the trail cannot take it now (AUDIT_UNAVAILABLE is raised): the discharge check will say
                            // "no pre-dose value recorded in this session" rather than judge on unrecorded values
                            LOG.error("pre-dose vitals of a session could not be recorded: {}", e.toString());
                        }
                    });
        }
    }

    /** Records the session's pre-dose values in the trail (they become the discharge check's baseline); no more are taken. */
    private void recordPreDose(String bed, String sessionId, String actor) {
        Map<Stream, DischargeCheck.Reading> values = vitals.preDose(sessionId);
        sessions.preDoseVitals(bed, actor, DischargeCheck.COMPARED.stream().filter(values::containsKey)
                .map(k -> new TrailEvent.VitalReading(k.key(), values.get(k).value(), values.get(k).measuredAt())).toList());
        vitals.recorded(sessionId, values);
        vitals.infusionStarted(bed);
    }

    private static Map<Stream, DischargeCheck.Reading> readings(List<TrailEvent.VitalReading> values) {
        Map<Stream, DischargeCheck.Reading> out = new EnumMap<>(Stream.class);
        values.forEach(v -> Stream.byKey(v.stream()).ifPresent(k -> out.put(k, new DischargeCheck.Reading(v.value(), v.measuredAt()))));
        return out;
    }

    /**
     * A live value; HR and NIBP are kept for the discharge check's comparison with baseline. Pre-dose values stop once
     * the session's infusion has started, whether a nurse confirmed it or the pump started it.
     */
    public void vital(NumericSample s) {
        String bed = s.source().bedId();
        sessions.onBed(bed).filter(r -> r.session().infusionStart().isPresent()).ifPresent(r -> vitals.infusionStarted(bed));
        vitals.sample(s);
    }

    /** What a command needs: responding to alarms, or running the session. */
    public static Permission permission(SessionCommand c) {
        return c instanceof SessionCommand.AcknowledgeAlarm || c instanceof SessionCommand.SilenceAlarm
                ? Permission.ALARM_RESPOND : Permission.SESSION_RUN;
    }

    /** Runs a command for a caller already admitted by the guard; it must act in its own name. */
    public void command(Message<SessionCommand> m, Principal who) {
        SessionCommand c = m.body();
        String actingAs = actingUser(c);
        if (!actingAs.equals(who.userId())) {
            m.fail(BusGuard.FORBIDDEN, "a command is taken in the signed-in user's own name, not as " + actingAs);
            return;
        }
        reply(m, c.bed(), () -> switch (c) {
            case SessionCommand.CreateSession s -> create(s);
            case SessionCommand.SessionStep s -> step(s, who, m.address());
            case SessionCommand.RecordRating r -> rate(r, null);
            case SessionCommand.AcknowledgeAlarm a -> done(a.bed(), sessions.acknowledge(a.bed(), a.alarmId(), a.user()));
            case SessionCommand.SilenceAlarm a ->
                    done(a.bed(), sessions.silence(a.bed(), a.alarmId(), a.user(), Duration.ofSeconds(a.seconds())));
            case SessionCommand.AddMarker a -> mark(a);
            case SessionCommand.RecordAdverseEvent a -> {
                sessions.adverseEvent(a.bed(), a.user(), a.event());
                history.adverseEvent(runtime(a.bed()).session().id(), a.event());
                yield new CommandReply(view(a.bed()), Optional.empty());
            }
            case SessionCommand.RecordMedication a -> {
                sessions.medication(a.bed(), a.user(), a.medication());
                history.medication(runtime(a.bed()).session().id(), a.medication());
                yield new CommandReply(view(a.bed()), Optional.empty());
            }
        });
    }

    private static String actingUser(SessionCommand c) {
        return switch (c) {
            case SessionCommand.CreateSession s -> s.user();
            case SessionCommand.SessionStep s -> s.user();
            case SessionCommand.RecordRating r -> r.rating().raterUserId();
            case SessionCommand.AcknowledgeAlarm a -> a.user();
            case SessionCommand.SilenceAlarm a -> a.user();
            case SessionCommand.AddMarker a -> a.user();
            case SessionCommand.RecordAdverseEvent a -> a.user();
            case SessionCommand.RecordMedication a -> a.user();
        };
    }

    public void view(Message<ViewRequest> m) {
        reply(m, m.body().bed(), () -> view(m.body().bed()));
    }

    public ProtocolChoices protocols() {
        // New sessions run the newest version of a protocol; superseded versions stay loaded only to read old sessions.
        return new ProtocolChoices(sessions.protocols().all().stream().map(p -> sessions.protocols().latest(p.id()).orElseThrow())
                .distinct().map(p -> new ProtocolChoices.Choice(p.id(), p.version(), p.title())).toList());
    }

    private CommandReply create(SessionCommand.CreateSession c) {
        sessions.create(c.user(), c.bed(), c.protocolId(), c.subjectCode(), SubjectMeasures.weight(c.weightKg()), c.kitId(),
                c.ageYears());
        vitals.sessionCreated(c.bed());
        return new CommandReply(view(c.bed()), Optional.empty());
    }

    private CommandReply step(SessionCommand.SessionStep s, Principal who, String address) {
        Instant now = sessions.now();
        SessionEvent e = switch (s.step()) {
            case BASELINE -> new SessionEvent.BaselineStarted(now, s.user());
            case PRETREATMENT -> new SessionEvent.PretreatmentGiven(now, s.user());
            case CONFIRM_INFUSION_START -> new SessionEvent.InfusionStarted(now, s.user(), "nurse");
            case END_OF_INFUSION -> new SessionEvent.InfusionCompleted(now, s.user(), sessions.pump(s.bed()).volumeInfusedMl());
            case OBSERVATION -> new SessionEvent.ObservationStarted(now, s.user());
            case READY_FOR_DISCHARGE -> new SessionEvent.ReadyForDischarge(now, s.user());
            case CLOSE -> new SessionEvent.Closed(now, s.user(), closeReason(s));
        };
        SessionRuntime r = runtime(s.bed());
        r.session().apply(e); // an illegal step is refused before any gate asks for a reason
        if (s.step() == Step.CONFIRM_INFUSION_START) {
            // every gate is judged at once and the reason must name exactly those unmet now: nothing is written before a refusal
            List<StartGates.Unmet> overridden = StartGates.requireExactOverride(SessionViews.startGates(r, vitals, now), s.overrides(),
                    reasonOf(s));
            if (!overridden.isEmpty()) {
                sessions.preDoseGateOverridden(s.bed(), s.user(), overridden.stream().map(StartGates.Unmet::detail).toList(),
                        reasonOf(s).orElseThrow());
            }
            if (!vitals.isRecorded(r.session().id())) {
                recordPreDose(s.bed(), r.session().id(), s.user());
            }
        } else if (s.step() == Step.READY_FOR_DISCHARGE) {
            requireDischargeCriteriaOrOverride(s, r, who, address, now);
        } else if (s.step() == Step.CLOSE && s.returnKit()) {
            sessions.kitReturned(s.bed(), s.user(), s.reason()); // refused for a dosed session; recorded before the close
        }
        CommandReply reply = done(s.bed(), sessions.command(s.bed(), e));
        if (s.step() == Step.BASELINE) {
            vitals.baseline(s.bed(), reply.view().sessionId());
        }
        return reply;
    }

    /**
     * "Ready for discharge" while the discharge check is not met: a physician's override with a reason, recorded with the
     * unmet criteria before the step; anyone else is refused (403, audited as access.denied).
     */
    private void requireDischargeCriteriaOrOverride(SessionCommand.SessionStep s, SessionRuntime r, Principal who, String address,
                                                    Instant now) {
        var check = SessionViews.discharge(r, history, vitals, now);
        List<DischargeCheck.Criterion> open = check.map(c -> c.criteria().stream().filter(k -> k.status() != DischargeCheck.Status.MET)
                .toList()).orElse(List.of(DischargeCheck.infusionNotEnded()));
        if (open.isEmpty()) {
            return;
        }
        List<String> unmet = open.stream().map(DischargeCheck.Criterion::line).toList();
        if (!who.may(Permission.DISCHARGE_OVERRIDE)) {
            sessions.accessDenied(who.userId(), who.role().key(), Permission.DISCHARGE_OVERRIDE.name(), address);
            throw new SecurityException("Not ready for discharge: " + String.join("; ", unmet)
                    + ". Only a physician can take this step while criteria are unmet, with a reason.");
        }
        Optional<String> reason = reasonOf(s);
        if (reason.isEmpty()) {
            throw new IllegalStateException("Discharge criteria not met: " + String.join("; ", unmet)
                    + ". Give a reason to override.");
        }
        sessions.dischargeOverridden(s.bed(), s.user(), open, reason.get());
    }

    private static Optional<String> reasonOf(SessionCommand.SessionStep s) {
        return Optional.ofNullable(s.reason()).map(String::strip).filter(x -> !x.isEmpty());
    }

    /**
     * Emergency unblinding for the signed-in user: their role decides (refused roles are audited and get 403, with no
     * password check); an allowed role needs a reason and an e-signature ({@code signatures} confirms the password again,
     * and the user id too when {@code firstOfSignIn}; refused: 422, locked: 423, both audited by the authenticator). The
     * arm goes to this requester only, in the reply, and is never logged. The password is blanked whatever the outcome.
     * Returns whether an e-signature was made (the caller notes it for the sign-in).
     */
    public boolean unblind(Message<UnblindRequest> m, Principal who, Optional<Authenticator> signatures, boolean firstOfSignIn) {
        UnblindRequest u = m.body();
        try {
            if (!u.user().equals(who.userId())) {
                m.fail(BusGuard.FORBIDDEN, "unblinding is asked in the signed-in user's own name, not as " + u.user());
                return false;
            }
            boolean signed = false;
            if (who.may(Permission.UNBLIND)) {
                if (u.reason() == null || u.reason().isBlank()) {
                    m.fail(REFUSED, "unblinding needs a reason");
                    return false;
                }
                if (signatures.isEmpty()) {
                    m.fail(FAILED, "e-signatures cannot be checked on this station: use the study's unblinding procedure");
                    return false;
                }
                if (firstOfSignIn && u.enteredUserId().isEmpty()) {
                    m.fail(WRONG_SIGNATURE, Authenticator.FIRST_SIGNATURE);
                    return false;
                }
                Optional<String> entered = u.enteredUserId().isEmpty() ? Optional.empty() : Optional.of(u.enteredUserId());
                if (signatures.get().confirm(who, entered, u.password()) instanceof Authenticator.Result.Refused r) {
                    m.fail(r.locked() ? LOCKED : WRONG_SIGNATURE, r.message());
                    return false;
                }
                signed = true;
            }
            reply(m, u.bed(), () -> {
                Set<String> allowed = Permission.UNBLIND.roles().stream().map(Role::key).collect(Collectors.toSet());
                Arm arm = sessions.unblind(u.bed(), who.userId(), who.role().key(), allowed, u.reason());
                var session = runtime(u.bed()).session();
                return new UnblindedArm(session.id(), session.created().kitId(), arm.code(), arm.description());
            });
            return signed;
        } finally {
            Arrays.fill(u.password(), '\0');
        }
    }

    private String closeReason(SessionCommand.SessionStep s) {
        var session = runtime(s.bed()).session();
        if (session.state() == SessionState.CLOSED) {
            throw new IllegalStateException(String.format(SessionService.LOCKED, session.id(), s.bed()));
        }
        boolean early = session.state() != SessionState.READY_FOR_DISCHARGE;
        if (early && (s.reason() == null || s.reason().isBlank())) {
            throw new IllegalArgumentException("closing before discharge needs a reason");
        }
        return s.reason() == null || s.reason().isBlank() ? "discharged" : s.reason().strip();
    }

    /** {@code rater} SUBJECT: the subject's answers from the patient tablet; null: entered by staff. */
    CommandReply rate(SessionCommand.RecordRating r, Rater rater) {
        Rating rating = r.rating();
        String id = runtime(r.bed()).session().id();
        Instrument instrument = sessions.instruments().get(rating.instrumentId());
        if (rater == Rater.SUBJECT && SubjectPart.split(instrument, rating.shortFormId())) {
            // the subject's part from the tablet (CADSS 1-19): staff rate the observer items at the bedside
            sessions.recordPart(r.bed(), rating);
            history.part(id, rating);
            return new CommandReply(view(r.bed()), Optional.empty());
        }
        Map<String, Rater> itemRaters = rating.isCorrection() ? Map.of() : history.pendingParts(id).stream()
                .filter(p -> p.timePointId().equals(rating.timePointId()) && BedHistory.formOf(p).equals(BedHistory.formOf(rating)))
                .findFirst().map(p -> SubjectPart.combine(instrument, rating, p)).orElse(Map.of());
        SessionService.Recorded rec = sessions.record(r.bed(), rating, rater, itemRaters);
        history.rating(id, new SessionView.RatingEntry(rating.id(), rating.timePointId(),
                rating.shortFormId() == null ? rating.instrumentId() : rating.shortFormId(), rec.score().total(), rec.score().summary(),
                rating.finishedAt(), rating.isCorrection(), rating.answers()));
        history.outcome(id, rec.outcome());
        return new CommandReply(view(r.bed()), Optional.of(rec.score()));
    }

    private CommandReply mark(SessionCommand.AddMarker a) {
        Instant at = sessions.mark(a.bed(), a.user(), a.kind().name(), a.note());
        history.marker(runtime(a.bed()).session().id(), new SessionView.Marker(a.kind(), a.note(), a.user(), at));
        return new CommandReply(view(a.bed()), Optional.empty());
    }

    private CommandReply done(String bed, Outcome o) {
        history.outcome(runtime(bed).session().id(), o);
        if (!o.isEmpty()) {
            published.accept(new SessionUpdate(bed, runtime(bed).session().id(), o));
        }
        return new CommandReply(view(bed), Optional.empty());
    }

    /** The view of the session on {@code bed}, or empty when there is none. */
    public Optional<SessionView> viewOf(String bed) {
        return sessions.onBed(bed).map(r -> view(bed));
    }

    SessionView view(String bed) {
        return SessionViews.of(runtime(bed), sessions.pump(bed), history, vitals, sessions.now());
    }

    private SessionRuntime runtime(String bed) {
        return sessions.onBed(bed).orElseThrow(() -> new NoSuchElementException("no session on bed " + bed));
    }

    static <T> void reply(Message<?> m, String bed, Supplier<T> work) {
        try {
            m.reply(work.get());
        } catch (NoSuchElementException e) {
            m.fail(NO_SESSION, e.getMessage());
        } catch (SecurityException e) {
            m.fail(BusGuard.FORBIDDEN, e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | IllegalTransitionException e) {
            m.fail(REFUSED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("session request on bed {} failed: {}", bed, e.toString());
            m.fail(FAILED, "the station could not do this: " + e.getMessage());
        }
    }
}
