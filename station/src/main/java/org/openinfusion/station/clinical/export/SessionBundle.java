package org.openinfusion.station.clinical.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.Dilution;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * One session as a JSON bundle: its metadata, its protocol as staff see it (id, version, blinded label, pretreatment,
 * the infusion plan's volume, rate and duration, schedule, cuff interval: never an arm, a dose or a concentration),
 * every audit entry of it with their hashes (verifiable), and, for convenience, its signatures and amendments (which
 * are among the events too).
 */
final class SessionBundle {
    public static final String FORMAT = "openinfusion-session-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SessionBundle() {
    }

    /**
     * @param protocols where the session's protocol is looked up; null leaves the protocol section out (as does a
     *     trail that lacks the session's creation)
     * @throws IllegalArgumentException when the trail holds nothing of the session, or the catalog lacks its protocol
     */
    static String write(String sessionId, Trail trail, ProtocolCatalog protocols) {
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> signatures = new ArrayList<>();
        List<Map<String, Object>> amendments = new ArrayList<>();
        Map<String, Object> session = new LinkedHashMap<>();
        for (Recorded e : trail.history().entriesOf(new SessionId(sessionId))) {
            Map<String, Object> ev = event(e);
            events.add(ev);
            switch (e.event()) {
                case TrailEvent.SessionStepped s when s.step() instanceof SessionEvent.Created -> session.putAll(e.written().payload());
                case TrailEvent.RecordSigned s -> signatures.add(ev);
                case TrailEvent.RecordAmended a -> amendments.add(ev);
                case TrailEvent.RatingEntered r when r.amendment() -> amendments.add(ev);
                default -> {
                }
            }
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no session " + sessionId + " in the audit trail");
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", FORMAT);
        bundle.put("sessionId", sessionId);
        bundle.put("session", session);
        if (protocols != null && !session.isEmpty()) {
            bundle.put("protocol", protocol(trail.select(Optional.of(sessionId), Set.of()).getFirst(), protocols));
        }
        bundle.put("events", events);
        bundle.put("signatures", signatures);
        bundle.put("amendments", amendments);
        try {
            return JSON.writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entry exactly as written, with its hashes: a reader can check it against the chain. */
    private static Map<String, Object> event(Recorded e) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("seq", e.seq());
        ev.put("time", e.time().toString());
        ev.put("type", e.written().type());
        ev.put("actor", e.actor());
        ev.put("payload", e.written().payload());
        ev.put("hash", e.written().hash());
        return ev;
    }

    /** Only arm-independent values of the protocol: what the bedside view shows. */
    private static Map<String, Object> protocol(SessionTrail s, ProtocolCatalog protocols) {
        Protocol p = s.protocol(protocols);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("label", p.label());
        m.put("pretreatment", p.pretreatment().map(t -> {
            Map<String, Object> pre = new LinkedHashMap<>();
            pre.put("label", t.label());
            pre.put("minutesBeforeInfusion", t.beforeInfusion().toMinutes());
            return pre;
        }).orElse(null));
        Map<String, Object> infusion = new LinkedHashMap<>();
        infusion.put("durationMinutes", p.infusion().duration().toMinutes());
        infusion.put("weightBasis", p.infusion().weightBasis().name());
        infusion.put("preparation",
                p.infusion().dilution() instanceof Dilution.FixedFinalVolume ? "fixedFinalVolume" : "fixedConcentration");
        OptionalDouble weight = s.weightKg();
        try {
            if (weight.isPresent()) {
                DosePlan plan = DoseCalculator.plan(p.infusion(), SubjectMeasures.weight(weight.getAsDouble()));
                infusion.put("plannedVolumeMl", plan.volumeMl());
                infusion.put("plannedRateMlPerHour", plan.rateMlPerHour());
            }
        } catch (IllegalArgumentException e) {
            infusion.put("plan", "not computable from the weight alone (" + e.getMessage() + ")");
        }
        m.put("infusion", infusion);
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (ScheduleEntry e : p.schedule()) {
            Map<String, Object> tp = new LinkedHashMap<>();
            tp.put("id", e.id());
            tp.put("anchor", e.anchor().name());
            tp.put("offsetMinutes", e.offset().toMinutes());
            tp.put("instruments", e.instruments());
            schedule.add(tp);
        }
        m.put("schedule", schedule);
        Map<String, Object> vitals = new LinkedHashMap<>();
        vitals.put("nibpEveryMinutes", p.vitals().nibpEvery().toMinutes());
        vitals.put("nibpMaxAgeMinutes", p.vitals().nibpMaxAge().toMinutes());
        m.put("vitals", vitals);
        return m;
    }
}
