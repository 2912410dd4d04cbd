package org.openinfusion.station.clinical.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.infusion.PumpReading;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.session.Session;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionRuntime.Replay;
import org.openinfusion.station.clinical.session.SessionRuntime;

/**
 * Reads the sessions still open in an audit trail back into runtimes (the inverse of {@link AuditPayloads}), so a
 * restarted station carries on with them. Pure: entries in, runtimes out.
 */
final class SessionRestore {
    private SessionRestore() {
    }

    /**
     * The runtimes of the sessions created and not closed in {@code entries}, by session id, in creation order. A
     * session that cannot be rebuilt (e.g. its protocol version is no longer installed) is left out and named in
     * {@code problems}; its record stays in the trail for review.
     */
    static Map<String, SessionRuntime> open(List<AuditEntry> entries, ProtocolCatalog protocols,
                                            AlarmSettings settings, List<String> problems) {
        Map<String, List<AuditEntry>> bySession = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            if (e.sessionId() != null) {
                bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, SessionRuntime> out = new LinkedHashMap<>();
        bySession.forEach((id, list) -> {
            boolean closed = list.stream().anyMatch(e -> e.type().equals("session.closed"));
            Optional<AuditEntry> created = list.stream().filter(e -> e.type().equals("session.created")).findFirst();
            if (!closed && created.isPresent()) {
                try {
                    out.put(id, restore(created.get(), list, protocols, settings));
                } catch (RuntimeException e) {
                    problems.add("session " + id + " not taken up: " + e.getMessage());
                }
            }
        });
        return out;
    }

    /** Alarms raised and not cleared in a session's entries: alarm id -> priority, in order of raising. */
    static Map<String, String> activeAlarms(List<AuditEntry> entries) {
        Map<String, String> active = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            String alarm = text(e.payload(), "alarm");
            if (alarm == null) {
                continue;
            }
            if (e.type().equals("alarm.raised")) {
                active.put(alarm, text(e.payload(), "priority"));
            } else if (e.type().equals("alarm.cleared")) {
                active.remove(alarm);
            }
        }
        return active;
    }

    private static SessionRuntime restore(AuditEntry created, List<AuditEntry> entries, ProtocolCatalog protocols,
                                          AlarmSettings settings) {
        Map<String, Object> p = created.payload();
        String protocolId = text(p, "protocol");
        int version = ((Number) p.get("protocolVersion")).intValue();
        Protocol protocol = protocols.get(protocolId, version).orElseThrow(() -> new IllegalStateException(
                "session " + created.sessionId() + " uses protocol " + protocolId + " version " + version + ", which this station does not have"));
        SubjectMeasures measures = SubjectMeasures.weight(((Number) p.get("weightKg")).doubleValue());
        var event = new SessionEvent.Created(at(created), created.actor(), created.sessionId(), text(p, "subjectCode"), measures,
                protocolId, version, text(p, "kitId"), text(p, "bed"));
        Session session = Session.start(event, protocol, DoseCalculator.plan(protocol.infusion(), measures));
        List<Replay> replay = new ArrayList<>();
        double rate = 0;
        double volume = 0;
        for (AuditEntry e : entries) {
            Map<String, Object> q = e.payload();
            switch (e.type()) {
                case "session.baseline_started" -> replay.add(new Replay.Step(new SessionEvent.BaselineStarted(at(e), e.actor())));
                case "session.pretreatment_given" -> replay.add(new Replay.Step(new SessionEvent.PretreatmentGiven(at(e), e.actor())));
                case "session.infusion_started" -> replay.add(new Replay.Step(new SessionEvent.InfusionStarted(at(e), e.actor(),
                        text(q, "source"))));
                case "session.infusion_paused" -> replay.add(new Replay.Step(new SessionEvent.InfusionPaused(at(e), e.actor())));
                case "session.infusion_resumed" -> replay.add(new Replay.Step(new SessionEvent.InfusionResumed(at(e), e.actor())));
                case "session.infusion_completed" -> replay.add(new Replay.Step(new SessionEvent.InfusionCompleted(at(e), e.actor(),
                        number(q, "volumeInfusedMl"))));
                case "session.observation_started" -> replay.add(new Replay.Step(new SessionEvent.ObservationStarted(at(e), e.actor())));
                case "session.ready_for_discharge" -> replay.add(new Replay.Step(new SessionEvent.ReadyForDischarge(at(e), e.actor())));
                case "infusion.started" -> {
                    rate = number(q, "rateMlPerHour");
                    replay.add(new Replay.Pump(new PumpReading(at(e), "infusing", rate, volume)));
                }
                case "infusion.paused" -> {
                    volume = number(q, "volumeInfusedMl");
                    replay.add(new Replay.Pump(new PumpReading(at(e), "paused", 0, volume)));
                }
                case "infusion.resumed" -> replay.add(new Replay.Pump(new PumpReading(at(e), "infusing", rate, volume)));
                case "infusion.completed" -> replay.add(new Replay.Pump(new PumpReading(at(e), "completed", 0,
                        number(q, "volumeInfusedMl"))));
                case "rating.recorded" -> replay.add(new Replay.Rated(text(q, "timePoint"),
                        new FormKey(text(q, "instrument"), (String) q.get("shortForm")).key()));
                default -> {
                    // alarms, prompts, markers, corrections: reported already; alarms start afresh from live values
                }
            }
        }
        return SessionRuntime.restore(session, settings, replay, entries.getLast().time());
    }

    private static Instant at(AuditEntry e) {
        Object at = e.payload().get("at");
        return at == null ? e.time() : Instant.parse((String) at);
    }

    private static String text(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v.toString();
    }

    private static double number(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
