package org.openinfusion.station.clinical.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        return of(ENROLLED, e.at(), "subject", e.subject(), "protocol", e.protocolId(), "consentDay", e.consentDay().toString());
    }

    static EventCodec.Encoded encode(TrailEvent.VisitStarted e) {
        return of(STARTED, e.at(), "subject", e.subject(), "protocol", e.protocolId(), "visit", e.visitId(), "period", e.period(),
                "unscheduledReason", e.unscheduledReason());
    }

    static EventCodec.Encoded encode(TrailEvent.VisitMissed e) {
        return of(MISSED, e.at(), "subject", e.subject(), "protocol", e.protocolId(), "visit", e.visitId(), "period", e.period(),
                "reason", e.reason());
    }

    static EventCodec.Encoded encode(TrailEvent.VisitVitals v) {
        Object flags = v.flagged().isEmpty() ? null : v.flagged().stream().map(f -> Map.<String, Object>of("stream", f.stream(), "value", f.value(),
                "limit", f.limit(), "priority", f.priority(), "source", f.source())).toList();
        // "corrects" only on an amendment's correction: entries recorded at the visit are written as before
        return v.corrects() == null ? of(VITALS, v.at(), "values", CareCodec.values(v.values()), "source", v.source(), "outOfLimits", flags)
                : of(VITALS, v.at(), "values", CareCodec.values(v.values()), "source", v.source(), "outOfLimits", flags, "corrects", v.corrects());
    }

    static EventCodec.Encoded encode(TrailEvent.VisitCompleted c) {
        return of(COMPLETED, c.at());
    }

    static Optional<TrailEvent> decode(PayloadReader p) {
        return Optional.ofNullable(switch (p.type()) {
            case ENROLLED -> new TrailEvent.SubjectEnrolled(p.at(), p.required("subject"), p.required("protocol"),
                    LocalDate.parse(p.required("consentDay")));
            case STARTED -> new TrailEvent.VisitStarted(p.at(), p.required("subject"), p.required("protocol"), p.text("visit"),
                    p.whole("period"), p.text("unscheduledReason"));
            case MISSED -> new TrailEvent.VisitMissed(p.at(), p.required("subject"), p.required("protocol"), p.required("visit"),
                    p.whole("period"), p.required("reason"));
            case VITALS -> new TrailEvent.VisitVitals(p.at(), CareCodec.readings(p), p.text("source"), flags(p),
                    p.payload().get("corrects") instanceof Number n ? n.longValue() : null);
            case COMPLETED -> new TrailEvent.VisitCompleted(p.at());
            default -> null;
        });
    }

    /** The values outside an alarm limit (absent: none, or an entry written before limits were checked). */
    private static List<TrailEvent.VitalFlag> flags(PayloadReader p) {
        if (!(p.payload().get("outOfLimits") instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().map(o -> {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(p.type() + ": an out-of-limit value is not an object");
            }
            @SuppressWarnings("unchecked")
            PayloadReader f = new PayloadReader(p.type(), (Map<String, Object>) m, p.written());
            return new TrailEvent.VitalFlag(f.required("stream"), f.decimal("value"), f.required("limit"), f.required("priority"), f.required("source"));
        }).toList();
    }

    private static EventCodec.Encoded of(String type, Instant at, Object... keysAndValues) {
        return CareCodec.of(type, at, keysAndValues);
    }
}
