package org.openinfusion.station.clinical.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.history.TrailEvent;

/** The written form of the study-visit events (docs/visits.md, docs/audit.md). */
final class VisitCodec {
    private static final String ENROLLED = "subject.enrolled";
    private static final String STARTED = "visit.started";
    private static final String MISSED = "visit.missed";
    private static final String VITALS = "visit.vitals_recorded";
    private static final String COMPLETED = "visit.completed";

    private VisitCodec() {
    }

    static EventCodec.Encoded encode(TrailEvent.SubjectEnrolled e) {
        Map<String, Object> p = at(e.at());
        p.put("subject", e.subject());
        p.put("protocol", e.protocolId());
        p.put("consentDay", e.consentDay().toString());
        return new EventCodec.Encoded(ENROLLED, p);
    }

    static EventCodec.Encoded encode(TrailEvent.VisitStarted e) {
        Map<String, Object> p = at(e.at());
        p.put("subject", e.subject());
        p.put("protocol", e.protocolId());
        p.put("visit", e.visitId());
        p.put("period", e.period());
        p.put("unscheduledReason", e.unscheduledReason());
        return new EventCodec.Encoded(STARTED, p);
    }

    static EventCodec.Encoded encode(TrailEvent.VisitMissed e) {
        Map<String, Object> p = at(e.at());
        p.put("subject", e.subject());
        p.put("protocol", e.protocolId());
        p.put("visit", e.visitId());
        p.put("period", e.period());
        p.put("reason", e.reason());
        return new EventCodec.Encoded(MISSED, p);
    }

    static EventCodec.Encoded encode(TrailEvent.VisitVitals v) {
        Map<String, Object> p = at(v.at());
        p.put("values", v.values().stream().map(r -> Map.<String, Object>of("stream", r.stream(), "value", r.value(),
                "measuredAt", r.measuredAt().toString())).toList());
        return new EventCodec.Encoded(VITALS, p);
    }

    static EventCodec.Encoded encode(TrailEvent.VisitCompleted c) {
        return new EventCodec.Encoded(COMPLETED, at(c.at()));
    }

    static Optional<TrailEvent> decode(PayloadReader p) {
        return Optional.ofNullable(switch (p.type()) {
            case ENROLLED -> new TrailEvent.SubjectEnrolled(p.at(), p.required("subject"), p.required("protocol"),
                    LocalDate.parse(p.required("consentDay")));
            case STARTED -> new TrailEvent.VisitStarted(p.at(), p.required("subject"), p.required("protocol"), p.text("visit"),
                    p.whole("period"), p.text("unscheduledReason"));
            case MISSED -> new TrailEvent.VisitMissed(p.at(), p.required("subject"), p.required("protocol"), p.required("visit"),
                    p.whole("period"), p.required("reason"));
            case VITALS -> new TrailEvent.VisitVitals(p.at(), CareCodec.readings(p));
            case COMPLETED -> new TrailEvent.VisitCompleted(p.at());
            default -> null;
        });
    }

    private static Map<String, Object> at(Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", at.toString());
        return p;
    }
}
