package org.openinfusion.station.clinical.alarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.AlarmLimit;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.domain.Stream;

/**
 * Vital signs entered by hand (docs/visits.md): a physically impossible value is refused, naming the field; a value
 * outside a limit of the protocol's {@code alarms} (the limits the bedside alarms use) is kept and flagged with that
 * limit as the bedside alarm describes it ("HR 130 > 120") and its source. "Impossible" is the station's accepted
 * physical range of the stream ({@link Stream#accepts(double)}, docs/mqtt.md; the range a device value must fall in)
 * and a systolic below the diastolic; no threshold beyond the protocol's and that range. Pure.
 */
public final class VitalCheck {
    /** The vital signs a rating visit takes, in the order of its form. */
    public static final List<String> VISIT_STREAMS = List.of("nibp_sys", "nibp_dia", "hr", "spo2", "rr");

    private static final Map<String, String> NAMES = Map.of("nibp_sys", "Systolic BP", "nibp_dia", "Diastolic BP", "hr", "Heart rate",
            "spo2", "SpO2", "rr", "Respiratory rate");

    /** A value outside one alarm limit: the limit as the bedside alarm words it ("HR 130 > 120"), its priority and source. */
    public record Breach(String stream, double value, String limit, AlarmPriority priority, String source) {
    }

    private VitalCheck() {
    }

    /**
     * Why these values (stream key -> value, one measurement) cannot have been measured: an unknown vital sign, a value
     * outside the stream's physical range, a systolic below the diastolic. Empty when all are possible.
     */
    public static List<String> impossible(Map<String, Double> values) {
        List<String> problems = new ArrayList<>();
        values.forEach((key, v) -> {
            Optional<Stream> s = Stream.byKey(key).filter(x -> VISIT_STREAMS.contains(x.key()));
            if (s.isEmpty()) {
                problems.add("'" + key + "' is not a vital sign taken at a visit (" + String.join(", ", VISIT_STREAMS) + ")");
            } else if (v == null || v.isNaN() || !s.get().accepts(v)) {
                problems.add(name(key) + " " + fmt(v) + " " + unit(s.get()) + " is not possible: it must be " + fmt(s.get().min()) + "-"
                        + fmt(s.get().max()) + " " + unit(s.get()));
            }
        });
        Double sys = values.get(Stream.NIBP_SYS.key());
        Double dia = values.get(Stream.NIBP_DIA.key());
        if (sys != null && dia != null && sys < dia) {
            problems.add("Systolic BP " + fmt(sys) + " is below diastolic BP " + fmt(dia) + ": check both values");
        }
        return problems;
    }

    /** Every limit of {@code limits} the value of {@code streamKey} is outside of, in the limits' order. */
    public static List<Breach> breaches(List<AlarmLimit> limits, String streamKey, double value) {
        return limits.stream().filter(l -> l.stream().key().equals(streamKey) && breached(l, value))
                .map(l -> new Breach(streamKey, value, describe(l, value), l.priority(), l.source())).toList();
    }

    /** Whether {@code v} is below the limit's low or above its high. */
    public static boolean breached(AlarmLimit l, double v) {
        return (l.low().isPresent() && v < l.low().getAsDouble()) || (l.high().isPresent() && v > l.high().getAsDouble());
    }

    /** The breach as the bedside alarm words it: "HR 130 > 120", "SPO2 91 < 95". */
    public static String describe(AlarmLimit l, double v) {
        boolean low = l.low().isPresent() && v < l.low().getAsDouble();
        return String.format("%s %s %s %s", l.stream().key().toUpperCase(Locale.ROOT), fmt(v), low ? "<" : ">",
                fmt(low ? l.low().getAsDouble() : l.high().orElse(Double.NaN)));
    }

    /**
     * How old a monitor's value of {@code streamKey} may be to be taken at a rating visit: the age the protocol's alarm
     * limits on that stream allow (their {@code maxAgeSeconds}, the largest when several tiers; the bedside alarms count a
     * value older than it as not current). Empty when the protocol has no limit on the stream: its values are not taken.
     */
    public static Optional<Duration> maxAge(List<AlarmLimit> limits, String streamKey) {
        return limits.stream().filter(l -> l.stream().key().equals(streamKey)).map(AlarmLimit::maxAge).max(Comparator.naturalOrder());
    }

    /** A staff name of a visit's vital sign (for refusals). */
    public static String name(String key) {
        return NAMES.getOrDefault(key, key);
    }

    private static String unit(Stream s) {
        return s.unit().replace("mm[Hg]", "mmHg");
    }

    /** A value as the station writes it: whole numbers without decimals, else one decimal. */
    public static String fmt(Double d) {
        if (d == null) {
            return "(none)";
        }
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.1f", d);
    }
}
