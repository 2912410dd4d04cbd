package org.openinfusion.station.clinical.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.openinfusion.station.clinical.protocol.DischargeCriteria;
import org.openinfusion.station.domain.Stream;

/**
 * Whether a participant meets the protocol's discharge criteria now: each criterion with its figures,
 * met or not (or unknown when the data is missing). Advisory: a physician decides and signs.
 */
public final class DischargeCheck {
    public enum Status {
        MET,
        NOT_MET,
        UNKNOWN
    }

    public record Criterion(String name, Status status, String detail) {
    }

    public record Result(List<Criterion> criteria) {
        public boolean ready() {
            return criteria.stream().allMatch(c -> c.status() == Status.MET);
        }
    }

    private DischargeCheck() {
    }

    /**
     * @param latestCadss latest CADSS total, if rated; {@code latestMoaas} likewise
     * @param baseline and {@code current} vital values by stream (HR, NIBP systolic and diastolic are compared)
     */
    public static Result evaluate(DischargeCriteria c, Instant infusionEnd, Instant now, OptionalInt latestCadss,
                                  OptionalInt latestMoaas, Map<Stream, Double> baseline, Map<Stream, Double> current) {
        List<Criterion> out = new ArrayList<>();
        Duration since = Duration.between(infusionEnd, now);
        out.add(new Criterion("time since end of infusion", since.compareTo(c.minAfterInfusionEnd()) >= 0 ? Status.MET : Status.NOT_MET,
                since.toMinutes() + " of " + c.minAfterInfusionEnd().toMinutes() + " min"));
        out.add(score("CADSS", latestCadss, v -> v <= c.cadssMax(), "<= " + c.cadssMax()));
        out.add(score("MOAA/S", latestMoaas, v -> v >= c.moaasMin(), ">= " + c.moaasMin()));
        for (Stream s : List.of(Stream.HR, Stream.NIBP_SYS, Stream.NIBP_DIA)) {
            out.add(vital(s, baseline.get(s), current.get(s), c.vitalsWithinPercent()));
        }
        return new Result(List.copyOf(out));
    }

    private static Criterion score(String name, OptionalInt value, IntPredicate ok, String rule) {
        if (value.isEmpty()) {
            return new Criterion(name, Status.UNKNOWN, "not rated; needs " + rule);
        }
        return new Criterion(name, ok.test(value.getAsInt()) ? Status.MET : Status.NOT_MET, value.getAsInt() + " (needs " + rule + ")");
    }

    private static Criterion vital(Stream s, Double baseline, Double current, double percent) {
        String name = s.key() + " within " + Math.round(percent) + "% of baseline";
        if (baseline == null || current == null) {
            return new Criterion(name, Status.UNKNOWN, "baseline or current value missing");
        }
        double change = 100 * Math.abs(current - baseline) / baseline;
        return new Criterion(name, change <= percent ? Status.MET : Status.NOT_MET,
                String.format("%.0f vs baseline %.0f (%.0f%%)", current, baseline, change));
    }

}
