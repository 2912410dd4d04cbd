package org.openinfusion.station.clinical.session;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openinfusion.station.clinical.protocol.Pretreatment;
import org.openinfusion.station.clinical.alarm.AlarmEngine;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.infusion.InfusionClock;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.infusion.PumpReading;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.RatingSchedule;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.TechnicalAlarmId;

/**
 * One running session: the session state, the infusion clock following the pump, the rating
 * schedule and the alarms, kept consistent. The pump starts the infusion clock and the session's
 * infusion; a pause on the pump pauses both. Pure and single-threaded: the caller supplies time
 * (from an injected Clock) and makes the returned events durable before acting on them.
 */
public final class SessionRuntime {
    private Session session;
    private final InfusionClock clock;
    private final RatingSchedule schedule;
    private final AlarmEngine alarms;
    private final Map<String, Set<String>> rated = new HashMap<>();

    public SessionRuntime(Session session, AlarmSettings alarmSettings) {
        this.session = session;
        this.clock = new InfusionClock(session.plan());
        this.schedule = new RatingSchedule(session.protocol().schedule(),
                session.protocol().pretreatment().map(Pretreatment::beforeInfusion).orElse(Duration.ZERO), session.plan().duration());
        this.alarms = new AlarmEngine(session.protocol(), alarmSettings);
    }

    public Session session() {
        return session;
    }

    /** A step taken by staff (baseline, pretreatment, confirming the infusion start, end, discharge, close). */
    public Outcome command(SessionEvent e) {
        Outcome o = apply(e);
        if (e instanceof SessionEvent.InfusionStarted || e instanceof SessionEvent.Closed) {
            o = o.plus(Outcome.ofAlarms(alarms.technical(TechnicalAlarmId.of(PUMP_EARLY), false, AlarmPriority.HIGH, "", e.at())));
        }
        if (e instanceof SessionEvent.Closed) {
            // the station stops following the pump here: a pump still infusing is recorded so, from its last report
            o = o.plus(Outcome.ofInfusion(clock.closing(e.at())));
        }
        if (e instanceof SessionEvent.InfusionCompleted && !clock.completed()) {
            o = o.plus(Outcome.ofInfusion(clock.endNow(e.at())));
        }
        return o.plus(tick(e.at()));
    }

    /** A pump report, its time on the station's clock; {@code now} is the station's clock too. */
    public Outcome pump(PumpReading r, Instant now) {
        Outcome o = Outcome.empty();
        for (InfusionEvent e : clock.accept(r)) {
            o = o.plus(Outcome.ofInfusion(List.of(e))).plus(followPump(e));
        }
        o = o.plus(Outcome.ofAlarms(alarms.value(Stream.PUMP_RATE, r.rateMlPerHour(), r.time(), now)));
        return o.plus(tick(now));
    }

    /**
     * The pump started before the session allows an infusion (no baseline yet, or the protocol's pretreatment not
     * recorded): what happened is recorded (the infusion clock runs, its events are audited) and a high-priority
     * alarm asks staff to record the missing step and confirm the start; the session does not skip the step.
     */
    public static final String PUMP_EARLY = "PUMP_STARTED_EARLY";

    private Outcome followPump(InfusionEvent e) {
        SessionState s = session.state();
        boolean pretreatmentMissing = s == SessionState.BASELINE && session.protocol().pretreatment().isPresent();
        return switch (e) {
            case InfusionEvent.Started st when s == SessionState.CREATED || pretreatmentMissing -> Outcome.ofAlarms(alarms.technical(
                    TechnicalAlarmId.of(PUMP_EARLY), true, AlarmPriority.HIGH, "the pump started infusing before "
                            + (pretreatmentMissing ? "the pretreatment (" + session.protocol().pretreatment().get().label() + ")"
                            : "the baseline") + " was recorded: record it, then confirm the infusion start", st.at()));
            case InfusionEvent.Started st when s == SessionState.BASELINE || s == SessionState.PRETREATMENT_GIVEN ->
                    apply(new SessionEvent.InfusionStarted(st.at(), "pump", "pump"));
            case InfusionEvent.Paused p when s == SessionState.INFUSING -> apply(new SessionEvent.InfusionPaused(p.at(), "pump"));
            case InfusionEvent.Resumed r when s == SessionState.PAUSED -> apply(new SessionEvent.InfusionResumed(r.at(), "pump"));
            case InfusionEvent.Completed c when s == SessionState.INFUSING || s == SessionState.PAUSED ->
                    apply(new SessionEvent.InfusionCompleted(c.at(), "pump", c.volumeInfusedMl()));
            default -> Outcome.empty();
        };
    }

    public Outcome vital(Stream stream, double value, Instant measuredAt, Instant now) {
        return Outcome.ofAlarms(alarms.value(stream, value, measuredAt, now)).plus(tick(now));
    }

    public Outcome technical(TechnicalAlarmId id, boolean on, AlarmPriority priority, String message, Instant now) {
        return Outcome.ofAlarms(alarms.technical(id, on, priority, message, now)).plus(tick(now));
    }

    /** An instrument was rated for a time point; the time point completes when all its instruments are. */
    public Outcome rated(String timePointId, String instrument, Instant now) {
        var entry = session.protocol().timePoint(timePointId)
                .orElseThrow(() -> new IllegalArgumentException("no time point '" + timePointId + "' in " + session.protocol().id()));
        if (!entry.instruments().contains(instrument)) {
            throw new IllegalArgumentException("time point " + timePointId + " does not ask for " + instrument);
        }
        rated.computeIfAbsent(timePointId, k -> new HashSet<>()).add(instrument);
        return tick(now);
    }

    public Outcome acknowledge(String alarmId, String user, Instant now) {
        return Outcome.ofAlarms(alarms.acknowledge(alarmId, user, now));
    }

    public Outcome silence(String alarmId, String user, Duration d, Instant now) {
        return Outcome.ofAlarms(alarms.silence(alarmId, user, d, now));
    }

    public Outcome tick(Instant now) {
        return Outcome.ofPrompts(schedule.advance(now, anchors(), completeTimePoints())).plus(Outcome.ofAlarms(alarms.tick(now)));
    }

    private Set<String> completeTimePoints() {
        Set<String> complete = new HashSet<>();
        rated.forEach((tp, instruments) -> session.protocol().timePoint(tp)
                .filter(e -> instruments.containsAll(e.instruments())).ifPresent(e -> complete.add(tp)));
        return complete;
    }

    public List<Prompt> prompts() {
        return schedule.prompts(anchors());
    }

    public AlarmEngine alarms() {
        return alarms;
    }

    public InfusionClock infusion() {
        return clock;
    }

    /**
     * Rebuilds a session from what its audit trail recorded, after a station restart: session steps, the pump's
     * infusion events as readings, and completed ratings, in the order given; then brings the schedule to
     * {@code lastRecorded} without reporting what was already reported. Alarms start afresh from live values.
     */
    public static SessionRuntime restore(Session created, AlarmSettings alarmSettings, List<Replay> recorded, Instant lastRecorded) {
        SessionRuntime r = new SessionRuntime(created, alarmSettings);
        for (Replay step : recorded) {
            switch (step) {
                case Replay.Step s -> r.session = r.session.apply(s.event());
                case Replay.Pump p -> r.clock.accept(p.reading());
                case Replay.Rated x -> r.rated.computeIfAbsent(x.timePointId(), k -> new HashSet<>()).add(x.form());
            }
        }
        r.schedule.advance(lastRecorded, r.anchors(), r.completeTimePoints());
        // The alarm engine knows no values yet: its NIBP timer counts from the last recorded moment, not the start.
        r.alarms.observing(r.session.state() == SessionState.INFUSION_COMPLETE || r.session.state() == SessionState.OBSERVATION,
                lastRecorded);
        r.alarms.infusing(r.session.state() == SessionState.INFUSING, lastRecorded);
        return r;
    }

    /** One recorded fact to replay into a restored session. */
    public sealed interface Replay {
        record Step(SessionEvent event) implements Replay {
        }

        record Pump(PumpReading reading) implements Replay {
        }

        record Rated(String timePointId, String form) implements Replay {
        }
    }

    private Outcome apply(SessionEvent e) {
        session = session.apply(e);
        boolean infusing = session.state() == SessionState.INFUSING;
        boolean observing = session.state() == SessionState.INFUSION_COMPLETE || session.state() == SessionState.OBSERVATION;
        alarms.observing(observing, e.at());
        return Outcome.ofSession(e).plus(Outcome.ofAlarms(alarms.infusing(infusing, e.at())));
    }

    private Map<Anchor, Instant> anchors() {
        Map<Anchor, Instant> a = new EnumMap<>(Anchor.class);
        session.baselineAt().ifPresent(t -> a.put(Anchor.SESSION_START, t));
        session.pretreatmentAt().ifPresent(t -> a.put(Anchor.PRETREATMENT, t));
        session.infusionStart().ifPresent(t -> a.put(Anchor.INFUSION_START, t));
        session.infusionEnd().ifPresent(t -> a.put(Anchor.INFUSION_END, t));
        return a;
    }
}
