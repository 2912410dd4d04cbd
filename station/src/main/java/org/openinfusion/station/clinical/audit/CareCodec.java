package org.openinfusion.station.clinical.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.clinical.session.Medication;
import org.openinfusion.station.domain.Stream;

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
    private static final String KIT_RETURNED = "kit.returned";

    private CareCodec() {
    }

    static EventCodec.Encoded encode(TrailEvent.PreDoseVitals v) {
        return of(PRE_DOSE_VITALS, v.at(), "values", values(v.values()));
    }

    static EventCodec.Encoded encode(TrailEvent.PreDoseGateOverridden o) {
        return of(GATE_OVERRIDDEN, o.at(), "concerns", o.concerns(), "reason", o.reason());
    }

    static EventCodec.Encoded encode(TrailEvent.DischargeOverridden o) {
        return o.criteria().isEmpty() ? of(DISCHARGE_OVERRIDDEN, o.at(), "unmet", o.unmet(), "reason", o.reason())
                : of(DISCHARGE_OVERRIDDEN, o.at(), "unmet", o.unmet(), "criteria", criteria(o.criteria()), "reason", o.reason());
    }

    /** The unmet criteria as data, read back by {@link #criteria(PayloadReader)}. */
    private static List<Map<String, Object>> criteria(List<DischargeCheck.Criterion> criteria) {
        return criteria.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind().name());
            c.vital().ifPresent(v -> m.put("vital", v.key()));
            m.put("name", c.name());
            m.put("status", c.status().name());
            m.put("detail", c.detail());
            m.put("timePoints", c.timePoints());
            return m;
        }).toList();
    }

    /** The unmet criteria kept as data; none in an entry written before they were (its words only). */
    private static List<DischargeCheck.Criterion> criteria(PayloadReader p) {
        if (!(p.payload().get("criteria") instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().map(o -> {
            PayloadReader c = new PayloadReader(p.type(), cast(o), p.written());
            Optional<Stream> vital = Optional.ofNullable(c.text("vital")).map(k -> Stream.byKey(k)
                    .orElseThrow(() -> new IllegalArgumentException("unknown vital sign " + k)));
            return new DischargeCheck.Criterion(DischargeCheck.Kind.valueOf(c.required("kind")), vital, c.required("name"),
                    DischargeCheck.Status.valueOf(c.required("status")), c.required("detail"), texts(c, "timePoints"));
        }).toList();
    }

    static EventCodec.Encoded encode(TrailEvent.KitReturned k) {
        return of(KIT_RETURNED, k.at(), "kitId", k.kitId(), "reason", k.reason());
    }

    static EventCodec.Encoded encode(TrailEvent.AdverseEventRecorded a) {
        AdverseEvent e = a.event();
        return of(AE, a.at(), "aeId", e.id(), "term", e.term(), "start", e.start().toString(),
                "end", e.end().map(Instant::toString).orElse(null), "severity", e.severity().name(), "serious", e.serious(),
                "relationship", e.relationship().name(), "action", e.action().name(), "outcome", e.outcome().name(),
                "fromAlarm", e.fromAlarm().orElse(null));
    }

    static EventCodec.Encoded encode(TrailEvent.MedicationGiven g) {
        Medication m = g.medication();
        return of(MEDICATION, g.at(), "drug", m.drug(), "dose", m.dose(), "unit", m.unit(), "route", m.route(),
                "givenAt", m.givenAt().toString(), "givenBy", m.givenBy(), "orderedBy", m.orderedBy(), "rescue", m.rescue());
    }

    static EventCodec.Encoded encode(TrailEvent.DeviceClockOffset o) {
        return of(CLOCK_OFFSET, o.at(), "device", o.device(), "offsetMillis", o.offsetMillis());
    }

    static Optional<TrailEvent> decode(PayloadReader p) {
        return Optional.ofNullable(switch (p.type()) {
            case PRE_DOSE_VITALS -> new TrailEvent.PreDoseVitals(p.at(), readings(p));
            case GATE_OVERRIDDEN -> new TrailEvent.PreDoseGateOverridden(p.at(), texts(p, "concerns"), p.required("reason"));
            case DISCHARGE_OVERRIDDEN -> new TrailEvent.DischargeOverridden(p.at(), texts(p, "unmet"), criteria(p), p.required("reason"));
            case KIT_RETURNED -> new TrailEvent.KitReturned(p.at(), p.required("kitId"), p.required("reason"));
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

    /** The written form of vital readings (pre-dose and visit vitals), read back by {@link #readings}. */
    static List<Map<String, Object>> values(List<TrailEvent.VitalReading> readings) {
        return readings.stream().map(r -> Map.<String, Object>of("stream", r.stream(), "value", r.value(),
                "measuredAt", r.measuredAt().toString())).toList();
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

    /** An event's payload: its time first, then the keys and values in the order given. */
    static EventCodec.Encoded of(String type, Instant at, Object... keysAndValues) {
        Object[] all = new Object[keysAndValues.length + 2];
        all[0] = "at";
        all[1] = at.toString();
        System.arraycopy(keysAndValues, 0, all, 2, keysAndValues.length);
        return RecordCodec.of(type, all);
    }
}
