package org.openinfusion.station.clinical.session;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.protocol.Protocol;

/**
 * One research session, as the fold of its events. Immutable: {@link #apply} returns the next
 * session or refuses the event with a clear message.
 */
public record Session(SessionEvent.Created created, Protocol protocol, DosePlan plan, SessionState state,
                      Optional<Instant> baselineAt, Optional<Instant> pretreatmentAt, Optional<Instant> infusionStart,
                      Optional<Instant> infusionEnd, Optional<Instant> readyAt) {

    private static final Map<Class<? extends SessionEvent>, Set<SessionState>> ALLOWED_FROM = Map.of(
            SessionEvent.BaselineStarted.class, EnumSet.of(SessionState.CREATED),
            SessionEvent.PretreatmentGiven.class, EnumSet.of(SessionState.BASELINE),
            SessionEvent.InfusionStarted.class, EnumSet.of(SessionState.BASELINE, SessionState.PRETREATMENT_GIVEN),
            SessionEvent.InfusionPaused.class, EnumSet.of(SessionState.INFUSING),
            SessionEvent.InfusionResumed.class, EnumSet.of(SessionState.PAUSED),
            SessionEvent.InfusionCompleted.class, EnumSet.of(SessionState.INFUSING, SessionState.PAUSED),
            SessionEvent.ObservationStarted.class, EnumSet.of(SessionState.INFUSION_COMPLETE),
            SessionEvent.ReadyForDischarge.class, EnumSet.of(SessionState.OBSERVATION),
            SessionEvent.Closed.class, EnumSet.complementOf(EnumSet.of(SessionState.CLOSED)));

    public static Session start(SessionEvent.Created created, Protocol protocol, DosePlan plan) {
        if (!protocol.id().equals(created.protocolId()) || protocol.version() != created.protocolVersion()) {
            throw new IllegalArgumentException("the protocol does not match the session's");
        }
        return new Session(created, protocol, plan, SessionState.CREATED, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public String id() {
        return created.sessionId();
    }

    public Session apply(SessionEvent e) {
        check(e);
        Optional<Instant> at = Optional.of(e.at());
        return switch (e) {
            case SessionEvent.Created c -> throw new IllegalTransitionException("session " + id() + " already exists");
            case SessionEvent.BaselineStarted b -> with(SessionState.BASELINE, at, pretreatmentAt, infusionStart, infusionEnd, readyAt);
            case SessionEvent.PretreatmentGiven p -> with(SessionState.PRETREATMENT_GIVEN, baselineAt, at, infusionStart, infusionEnd, readyAt);
            case SessionEvent.InfusionStarted s -> with(SessionState.INFUSING, baselineAt, pretreatmentAt, at, infusionEnd, readyAt);
            case SessionEvent.InfusionPaused p -> with(SessionState.PAUSED, baselineAt, pretreatmentAt, infusionStart, infusionEnd, readyAt);
            case SessionEvent.InfusionResumed r -> with(SessionState.INFUSING, baselineAt, pretreatmentAt, infusionStart, infusionEnd, readyAt);
            case SessionEvent.InfusionCompleted c -> with(SessionState.INFUSION_COMPLETE, baselineAt, pretreatmentAt, infusionStart, at, readyAt);
            case SessionEvent.ObservationStarted o -> with(SessionState.OBSERVATION, baselineAt, pretreatmentAt, infusionStart, infusionEnd, readyAt);
            case SessionEvent.ReadyForDischarge r -> with(SessionState.READY_FOR_DISCHARGE, baselineAt, pretreatmentAt, infusionStart, infusionEnd, at);
            case SessionEvent.Closed c -> with(SessionState.CLOSED, baselineAt, pretreatmentAt, infusionStart, infusionEnd, readyAt);
        };
    }

    private void check(SessionEvent e) {
        Set<SessionState> from = ALLOWED_FROM.get(e.getClass());
        if (from != null && !from.contains(state)) {
            throw new IllegalTransitionException("session " + id() + " is " + state + ": cannot " + describe(e)
                    + " (allowed from " + from + ")");
        }
        if (e instanceof SessionEvent.PretreatmentGiven && protocol.pretreatment().isEmpty()) {
            throw new IllegalTransitionException("protocol " + protocol.id() + " has no pretreatment");
        }
        if (e instanceof SessionEvent.InfusionStarted && state == SessionState.BASELINE && protocol.pretreatment().isPresent()) {
            throw new IllegalTransitionException("session " + id() + ": record the pretreatment ("
                    + protocol.pretreatment().get().label() + ") before the infusion starts");
        }
        Instant last = lastTime();
        if (last != null && e.at().isBefore(last)) {
            throw new IllegalTransitionException("session " + id() + ": " + describe(e) + " at " + e.at() + " is before the previous step at " + last);
        }
    }

    private Instant lastTime() {
        return readyAt.or(() -> infusionEnd).or(() -> infusionStart).or(() -> pretreatmentAt).or(() -> baselineAt).orElse(created.at());
    }

    private static String describe(SessionEvent e) {
        return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private Session with(SessionState s, Optional<Instant> baseline, Optional<Instant> pretreatment, Optional<Instant> start,
                         Optional<Instant> end, Optional<Instant> ready) {
        return new Session(created, protocol, plan, s, baseline, pretreatment, start, end, ready);
    }
}
