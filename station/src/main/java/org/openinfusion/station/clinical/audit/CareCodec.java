package org.openinfusion.station.clinical.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.Medication;

/**
 * The written form of the care events: pre-dose vitals and gate overrides, discharge overrides, adverse events, medications,
 * and the devices' clock offsets.
 */
final class CareCodec {
    private static final String PRE_DOSE_VITALS = "predose.vitals_recorded";
    private static final String GATE_OVERRIDDEN = "predose.gate_overridden";
    private static final String DISCHARGE_OVERRIDDEN = "discharge.overridden";
    private static final String AE = "ae.recorded";
    private static final String MEDICATION = "medication.given";
    private static final String CLOCK_OFFSET = "device.clock_offset";

    private CareCodec() {
    }

    static EventCodec.Encoded encode(TrailEvent.PreDoseVitals v) {
        Map<String, Object> p = at(v.at());
        p.put("values", v.values().stream().map(r -> Map.<String, Object>of("stream", r.stream(), "value", r.value(),
                "measuredAt", r.measuredAt().toString())).toList());
        return new EventCodec.Encoded(PRE_DOSE_VITALS, p);
    }

    static EventCodec.Encoded encode(TrailEvent.PreDoseGateOverridden o) {
        Map<String, Object> p = at(o.at());
        p.put("concerns", o.concerns());
        p.put("reason", o.reason());
        return new EventCodec.Encoded(GATE_OVERRIDDEN, p);
    }

    static EventCodec.Encoded encode(TrailEvent.DischargeOverridden o) {
        Map<String, Object> p = at(o.at());
        p.put("unmet", o.unmet());
        p.put("reason", o.reason());
        return new EventCodec.Encoded(DISCHARGE_OVERRIDDEN, p);
    }

    static EventCodec.Encoded encode(TrailEvent.AdverseEventRecorded a) {
        AdverseEvent e = a.event();
        Map<String, Object> p = at(a.at());
        p.put("aeId", e.id());
        p.put("term", e.term());
        p.put("start", e.start().toString());
        p.put("end", e.end().map(Instant::toString).orElse(null));
        p.put("severity", e.severity().name());
        p.put("serious", e.serious());
        p.put("relationship", e.relationship().name());
        p.put("action", e.action().name());
        p.put("outcome", e.outcome().name());
        p.put("fromAlarm", e.fromAlarm().orElse(null));
        return new EventCodec.Encoded(AE, p);
    }

    static EventCodec.Encoded encode(TrailEvent.MedicationGiven g) {
        Medication m = g.medication();
        Map<String, Object> p = at(g.at());
        p.put("drug", m.drug());
        p.put("dose", m.dose());
        p.put("unit", m.unit());
        p.put("route", m.route());
        p.put("givenAt", m.givenAt().toString());
        p.put("givenBy", m.givenBy());
        p.put("orderedBy", m.orderedBy());
        p.put("rescue", m.rescue());
        return new EventCodec.Encoded(MEDICATION, p);
    }

    static EventCodec.Encoded encode(TrailEvent.DeviceClockOffset o) {
        Map<String, Object> p = at(o.at());
        p.put("device", o.device());
        p.put("offsetMillis", o.offsetMillis());
        return new EventCodec.Encoded(CLOCK_OFFSET, p);
    }

    static Optional<TrailEvent> decode(PayloadReader p) {
        return Optional.ofNullable(switch (p.type()) {
            case PRE_DOSE_VITALS -> new TrailEvent.PreDoseVitals(p.at(), readings(p));
            case GATE_OVERRIDDEN -> new TrailEvent.PreDoseGateOverridden(p.at(), texts(p, "concerns"), p.required("reason"));
            case DISCHARGE_OVERRIDDEN -> new TrailEvent.DischargeOverridden(p.at(), texts(p, "unmet"), p.required("reason"));
            case AE -> new TrailEvent.AdverseEventRecorded(p.at(), new AdverseEvent(p.required("aeId"), p.required("term"),
                    p.instant("start"), Optional.ofNullable(p.instant("end")), AdverseEvent.Severity.valueOf(p.required("severity")),
                    p.flag("serious"), AdverseEvent.Relationship.valueOf(p.required("relationship")),
                    AdverseEvent.Action.valueOf(p.required("action")), AdverseEvent.Outcome.valueOf(p.required("outcome")),
                    Optional.ofNullable(p.text("fromAlarm"))));
            case MEDICATION -> new TrailEvent.MedicationGiven(p.at(), new Medication(p.required("drug"), p.decimal("dose"),
                    p.required("unit"), p.required("route"), p.instant("givenAt"), p.required("givenBy"), p.required("orderedBy"),
                    p.flag("rescue")));
            case CLOCK_OFFSET -> new TrailEvent.DeviceClockOffset(p.at(), p.required("device"), (long) p.decimal("offsetMillis"));
            default -> null;
        });
    }

    static List<TrailEvent.VitalReading> readings(PayloadReader p) {
        if (!(p.payload().get("values") instanceof List<?> l)) {
            throw new IllegalArgumentException(p.type() + " entry has no values");
        }
        return l.stream().map(o -> {
            PayloadReader v = new PayloadReader(p.type(), cast(o), p.written());
            return new TrailEvent.VitalReading(v.required("stream"), v.decimal("value"), v.instant("measuredAt"));
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("a value is not an object");
    }

    private static List<String> texts(PayloadReader p, String key) {
        return p.payload().get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static Map<String, Object> at(Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("at", at.toString());
        return p;
    }
}
