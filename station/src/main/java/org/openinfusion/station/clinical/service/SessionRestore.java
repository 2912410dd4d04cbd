package org.openinfusion.station.clinical.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.infusion.PumpReading;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.session.Session;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionRuntime.Replay;
import org.openinfusion.station.clinical.session.SessionRuntime;

/**
 * Reads the sessions still open in an audit history back into runtimes, so a restarted station carries on with them.
 * Pure: history in, runtimes out.
 */
final class SessionRestore {
    private SessionRestore() {
    }

    /**
     * The runtimes of the sessions created and not closed in {@code history}, by session id, in creation order. A
     * session that cannot be rebuilt (e.g. its protocol version is no longer installed) is left out and named in
     * {@code problems}; its record stays in the trail for review.
     */
    static Map<String, SessionRuntime> open(AuditHistory history, ProtocolCatalog protocols, AlarmSettings settings,
                                            List<String> problems) {
        Map<String, SessionRuntime> out = new LinkedHashMap<>();
        for (SessionHistory s : history.sessions()) {
            if (!s.closed()) {
                try {
                    out.put(s.id().value(), restore(s, protocols, settings));
                } catch (RuntimeException e) {
                    problems.add("session " + s.id() + " not taken up: " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** Alarms raised and not cleared in a session: alarm id -> priority, in order of raising. */
    static Map<String, AlarmPriority> activeAlarms(SessionHistory s) {
        Map<String, AlarmPriority> active = new LinkedHashMap<>();
        for (SessionHistory.Fact<TrailEvent.AlarmChanged> f : s.all(TrailEvent.AlarmChanged.class)) {
            AlarmEvent a = f.event().alarm();
            switch (a.kind()) {
                case RAISED -> active.put(a.alarmId(), a.priority());
                case CLEARED -> active.remove(a.alarmId());
                default -> {
                }
            }
        }
        return active;
    }

    private static SessionRuntime restore(SessionHistory s, ProtocolCatalog protocols, AlarmSettings settings) {
        SessionEvent.Created created = s.created();
        Protocol protocol = protocols.get(created.protocolId(), created.protocolVersion()).orElseThrow(() -> new IllegalStateException(
                "session " + s.id() + " uses protocol " + created.protocolId() + " version " + created.protocolVersion()
                        + ", which this station does not have"));
        Session session = Session.start(created, protocol, DoseCalculator.plan(protocol.infusion(), created.measures()));
        Pump pump = new Pump();
        List<Replay> replay = new ArrayList<>();
        for (Recorded r : s.entries()) {
            switch (r.event()) {
                case TrailEvent.SessionStepped step when !(step.step() instanceof SessionEvent.Created) ->
                        replay.add(new Replay.Step(step.step()));
                case TrailEvent.InfusionChanged i -> pump.reading(i.change()).ifPresent(p -> replay.add(new Replay.Pump(p)));
                case TrailEvent.RatingEntered e when !e.rating().isCorrection() -> replay.add(rated(e.rating()));
                default -> {
                    // alarms, prompts, markers, corrections: reported already; alarms start afresh from live values
                }
            }
        }
        return SessionRuntime.restore(session, settings, replay, s.last().time());
    }

    private static Replay rated(Rating r) {
        return new Replay.Rated(r.timePointId(), new FormKey(r.instrumentId(), r.shortFormId()).key());
    }

    /** The pump as the infusion clock's events tell it: rate and volume carried from one event to the next. */
    private static final class Pump {
        double rate;
        double volume;

        Optional<PumpReading> reading(InfusionEvent e) {
            return Optional.ofNullable(switch (e) {
                case InfusionEvent.Started s -> {
                    rate = s.rateMlPerHour();
                    yield new PumpReading(s.at(), "infusing", rate, volume);
                }
                case InfusionEvent.Paused p -> {
                    volume = p.volumeInfusedMl();
                    yield new PumpReading(p.at(), "paused", 0, volume);
                }
                case InfusionEvent.Resumed r -> new PumpReading(r.at(), "infusing", rate, volume);
                case InfusionEvent.Completed c -> new PumpReading(c.at(), "completed", 0, c.volumeInfusedMl());
                case InfusionEvent.Deviation d -> null;
                case InfusionEvent.FinalVolume f -> null;
                case InfusionEvent.RunningAtClose c -> null;
            });
        }
    }
}
