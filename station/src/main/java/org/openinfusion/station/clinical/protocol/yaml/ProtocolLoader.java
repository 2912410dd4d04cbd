package org.openinfusion.station.clinical.protocol.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.openinfusion.station.clinical.protocol.PreDoseGate;
import org.openinfusion.station.clinical.protocol.AeTerm;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.protocol.Arm;
import org.openinfusion.station.clinical.protocol.Dilution;
import org.openinfusion.station.clinical.protocol.DischargeCriteria;
import org.openinfusion.station.clinical.protocol.HoldRule;
import org.openinfusion.station.clinical.protocol.InfusionSpec;
import org.openinfusion.station.clinical.protocol.Pretreatment;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ProtocolException;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;
import org.openinfusion.station.clinical.protocol.SealedArms;
import org.openinfusion.station.clinical.protocol.VitalsSpec;
import org.openinfusion.station.clinical.protocol.WeightBasis;
import org.openinfusion.station.clinical.visit.OutcomeRule;
import org.openinfusion.station.clinical.visit.PlannedVisit;
import org.openinfusion.station.clinical.visit.VisitAnchor;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.clinical.visit.VisitSchedule;
import org.openinfusion.station.clinical.visit.Washout;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.StreamKind;

/**
 * Reads a protocol file (YAML, format in docs/protocols.md) into a {@link Protocol}, checking every
 * field; the first problem found is reported with the file, the field path and what is wrong. Every dose, limit,
 * threshold and time point carries a {@code source}: a citation, or "site default" when no trial gives it.
 */
public final class ProtocolLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ProtocolLoader() {
    }

    public static Protocol load(String fileName, InputStream in) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new ProtocolException(fileName, "", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return parse(new Fields(fileName, "", root, Set.of("id", "version", "title", "label", "arms", "infusion",
                "pretreatment", "schedule", "vitals", "alarms", "hold", "preDose", "discharge", "visits", "adverseEventTerms")));
    }

    private static Protocol parse(Fields f) {
        String id = f.text("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw f.error("id", "must be lower-case letters, digits and dashes");
        }
        List<Arm> arms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Fields a : f.objects("arms", Set.of("code", "description", "infusionDoseMgPerKg", "sedative", "source"))) {
            Arm arm = new Arm(a.text("code"), a.text("description"), a.number("infusionDoseMgPerKg", 0, 5),
                    a.has("sedative") && a.bool("sedative"), a.text("source"));
            if (!codes.add(arm.code())) {
                throw a.error("code", "duplicate arm code");
            }
            arms.add(arm);
        }
        if (arms.isEmpty()) {
            throw f.error("arms", "must list at least one arm");
        }
        SealedArms sealed = new SealedArms(arms);
        List<AlarmLimit> alarms = alarms(f);
        if (sealed.anySedative()) {
            requireHighRespiratoryAlarms(f, alarms);
        }
        return guarded(f, () -> new Protocol(id, f.integer("version", 1, 10_000), f.text("title"), f.text("label"),
                sealed, infusion(f.object("infusion", Set.of("doseMgPerKg", "weightBasis", "weightCapKg",
                        "durationMinutes", "dilution", "rounding", "source"))), pretreatment(f), schedule(f), vitals(f),
                alarms, hold(f), preDose(f), discharge(f.object("discharge", Set.of("minMinutesAfterInfusionEnd", "cadssMax",
                        "moaasMin", "vitalsWithinPercentOfBaseline", "vitalsMaxAgeMinutes", "source"))), visits(f), aeTerms(f)));
    }

    /** With a sedative comparator (e.g. midazolam), respiratory depression is the main risk: RR and EtCO2 alarm high. */
    private static void requireHighRespiratoryAlarms(Fields f, List<AlarmLimit> alarms) {
        for (Stream s : List.of(Stream.RESP_RATE, Stream.ETCO2)) {
            List<AlarmLimit> on = alarms.stream().filter(a -> a.stream() == s).toList();
            if (on.isEmpty()) {
                throw f.error("alarms", "an arm is sedative: the protocol needs an alarm limit on " + s.key());
            }
            for (int i = 0; i < alarms.size(); i++) {
                if (alarms.get(i).stream() == s && alarms.get(i).priority() != AlarmPriority.HIGH) {
                    throw f.error("alarms[" + i + "].priority", "an arm is sedative: alarms on " + s.key() + " must be high priority");
                }
            }
        }
    }

    private static InfusionSpec infusion(Fields f) {
        Fields dilution = f.object("dilution", Set.of("style", "volumeMl", "concentrationMgPerMl"));
        Dilution d = switch (dilution.text("style")) {
            case "fixedFinalVolume" -> new Dilution.FixedFinalVolume(dilution.number("volumeMl", 1, 1000));
            case "fixedConcentration" -> new Dilution.FixedConcentration(
                    dilution.number("concentrationMgPerMl", 0.01, Dilution.MAX_IV_MG_PER_ML));
            default -> throw dilution.error("style", "must be fixedFinalVolume or fixedConcentration");
        };
        Fields rounding = f.object("rounding", Set.of("doseMg", "rateMlPerHour"));
        return guarded(f, () -> new InfusionSpec(f.number("doseMgPerKg", 0.001, 5), f.choice("weightBasis", WeightBasis.class),
                f.optionalNumber("weightCapKg", 20, 300), minutes(f, "durationMinutes", 1, 360), d,
                rounding.number("doseMg", 0.01, 10), rounding.number("rateMlPerHour", 0.01, 10), f.text("source")));
    }

    private static Optional<Pretreatment> pretreatment(Fields f) {
        if (!f.has("pretreatment")) {
            return Optional.empty();
        }
        Fields p = f.object("pretreatment", Set.of("label", "minutesBeforeInfusion", "source"));
        return Optional.of(new Pretreatment(p.text("label"), minutes(p, "minutesBeforeInfusion", 0, 1440), p.text("source")));
    }

    private static List<ScheduleEntry> schedule(Fields f) {
        List<ScheduleEntry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean pretreatment = f.has("pretreatment");
        for (Fields e : f.objects("schedule", Set.of("id", "anchor", "offsetMinutes", "instruments", "windowBeforeMinutes",
                "windowAfterMinutes", "overdueAfterMinutes", "source"))) {
            String id = e.text("id");
            if (!ids.add(id)) {
                throw e.error("id", "duplicate time point '" + id + "'");
            }
            Anchor anchor = e.choice("anchor", Anchor.class);
            if (anchor == Anchor.PRETREATMENT && !pretreatment) {
                throw e.error("anchor", "PRETREATMENT needs a pretreatment section");
            }
            out.add(guarded(e, () -> new ScheduleEntry(id, e.texts("instruments"), anchor, minutes(e, "offsetMinutes", -1440, 1440),
                    minutes(e, "windowBeforeMinutes", 0, 240), minutes(e, "windowAfterMinutes", 0, 240),
                    minutes(e, "overdueAfterMinutes", 0, 240), e.text("source"))));
        }
        return out;
    }

    /** The visit schedule across days (docs/visits.md); every visit, washout and outcome carries its source. */
    private static Optional<VisitSchedule> visits(Fields f) {
        if (!f.has("visits")) {
            return Optional.empty();
        }
        Fields v = f.object("visits", Set.of("periods", "washout", "schedule", "outcomes"));
        Optional<Washout> washout = Optional.empty();
        if (v.has("washout")) {
            Fields w = v.object("washout", Set.of("days", "windowAfterDays", "source"));
            washout = Optional.of(guarded(w, () -> new Washout(w.integer("days", 1, 365), w.integer("windowAfterDays", 0, 365), w.text("source"))));
        }
        List<PlannedVisit> planned = new ArrayList<>();
        for (Fields e : v.objects("schedule", Set.of("number", "id", "name", "kind", "anchor", "day", "windowBeforeDays", "windowAfterDays",
                "instruments", "baselineTimePoint", "source"))) {
            VisitKind kind = e.choice("kind", VisitKind.class);
            String baseline = e.has("baselineTimePoint") ? e.text("baselineTimePoint") : null;
            planned.add(guarded(e, () -> new PlannedVisit(e.integer("number", 1, 99), e.text("id"), e.text("name"), kind,
                    e.choice("anchor", VisitAnchor.class), e.integer("day", -365, 365), e.integer("windowBeforeDays", 0, 365),
                    e.integer("windowAfterDays", 0, 365), kind == VisitKind.RATING ? e.texts("instruments") : List.of(), baseline,
                    e.text("source"))));
        }
        List<OutcomeRule> outcomes = new ArrayList<>();
        if (v.has("outcomes")) {
            for (Fields o : v.objects("outcomes", Set.of("measure", "responsePercent", "remissionAtMost", "source"))) {
                outcomes.add(guarded(o, () -> new OutcomeRule(o.text("measure"), o.integer("responsePercent", 1, 100),
                        o.has("remissionAtMost") ? OptionalInt.of(o.integer("remissionAtMost", 0, 200)) : OptionalInt.empty(),
                        o.text("source"))));
            }
        }
        Optional<Washout> w = washout;
        return Optional.of(guarded(v, () -> new VisitSchedule(v.integer("periods", 1, 9), w, planned, outcomes)));
    }

    private static VitalsSpec vitals(Fields f) {
        Fields v = f.object("vitals", Set.of("nibpEveryMinutes", "nibpMaxAgeMinutes", "nibpAfterInfusionEveryMinutes", "source"));
        return guarded(v, () -> new VitalsSpec(minutes(v, "nibpEveryMinutes", 1, 60), minutes(v, "nibpMaxAgeMinutes", 1, 120),
                minutes(v, "nibpAfterInfusionEveryMinutes", 1, 120), v.text("source")));
    }

    private static List<AlarmLimit> alarms(Fields f) {
        List<AlarmLimit> out = new ArrayList<>();
        for (Fields a : f.objects("alarms", Set.of("stream", "low", "high", "priority", "maxAgeSeconds", "source"))) {
            Stream stream = numericStream(a);
            out.add(guarded(a, () -> new AlarmLimit(stream, a.optionalNumber("low", stream.min(), stream.max()),
                    a.optionalNumber("high", stream.min(), stream.max()), a.choice("priority", AlarmPriority.class),
                    Duration.ofSeconds(a.integer("maxAgeSeconds", 1, 7200)), a.text("source"))));
        }
        return out;
    }

    /** Optional: the adverse event terms the protocol expects, each with its source (staff may type any other term). */
    private static List<AeTerm> aeTerms(Fields f) {
        List<AeTerm> out = new ArrayList<>();
        if (!f.has("adverseEventTerms")) {
            return out;
        }
        for (Fields t : f.objects("adverseEventTerms", Set.of("term", "source"))) {
            out.add(new AeTerm(t.text("term"), t.text("source")));
        }
        return out;
    }

    private static List<HoldRule> hold(Fields f) {
        List<HoldRule> out = new ArrayList<>();
        if (!f.has("hold")) {
            return out;
        }
        for (Fields h : f.objects("hold", Set.of("id", "stream", "above", "below", "advice", "source"))) {
            Stream stream = numericStream(h);
            if (h.has("above") == h.has("below")) {
                throw h.error("", "give exactly one of above or below");
            }
            HoldRule.Comparison c = h.has("above") ? HoldRule.Comparison.ABOVE : HoldRule.Comparison.BELOW;
            double threshold = h.number(h.has("above") ? "above" : "below", stream.min(), stream.max());
            out.add(new HoldRule(h.text("id"), stream, c, threshold, h.text("advice"), h.text("source")));
        }
        return out;
    }

    private static Optional<PreDoseGate> preDose(Fields f) {
        if (!f.has("preDose")) {
            return Optional.empty();
        }
        Fields g = f.object("preDose", Set.of("systolicAbove", "diastolicAbove", "olderFromAgeYears", "olderSystolicAbove",
                "nibpMaxAgeMinutes", "source"));
        return Optional.of(guarded(g, () -> new PreDoseGate(g.integer("systolicAbove", 60, 300), g.integer("diastolicAbove", 30, 200),
                g.has("olderFromAgeYears") ? OptionalInt.of(g.integer("olderFromAgeYears", 18, 120)) : OptionalInt.empty(),
                g.has("olderSystolicAbove") ? OptionalInt.of(g.integer("olderSystolicAbove", 60, 300)) : OptionalInt.empty(),
                minutes(g, "nibpMaxAgeMinutes", 1, 120), g.text("source"))));
    }

    private static DischargeCriteria discharge(Fields d) {
        return guarded(d, () -> new DischargeCriteria(minutes(d, "minMinutesAfterInfusionEnd", 0, 1440), d.integer("cadssMax", 0, 92),
                d.integer("moaasMin", 0, 5), d.number("vitalsWithinPercentOfBaseline", 1, 100),
                minutes(d, "vitalsMaxAgeMinutes", 1, 240), d.text("source")));
    }

    private static Stream numericStream(Fields f) {
        String key = f.text("stream");
        return Stream.byKey(key).filter(s -> s.kind() == StreamKind.NUMERIC)
                .orElseThrow(() -> f.error("stream", "'" + key + "' is not a numeric stream (see docs/mqtt.md)"));
    }

    private static Duration minutes(Fields f, String field, double min, double max) {
        return Duration.ofSeconds(Math.round(f.number(field, min, max) * 60));
    }

    /** Turns a record's own validation failure into an error that names the file and object. */
    private static <T> T guarded(Fields f, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw f.error("", e.getMessage());
        }
    }
}
