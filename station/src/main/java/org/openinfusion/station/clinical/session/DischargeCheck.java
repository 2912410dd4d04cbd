package org.openinfusion.station.clinical.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.openinfusion.station.clinical.protocol.DischargeCriteria;
import org.openinfusion.station.domain.Stream;

/**
 * Whether a participant meets the protocol's discharge criteria now: each criterion with its figures, met or not (or
 * unknown when the data is missing). It judges only on this session's data: ratings finished after the end of the
 * infusion and complete (no item not assessed), the latest of each; vitals no older than the protocol's age limit,
 * compared with this session's pre-dose values; and never "met" while a scheduled rating is still outstanding.
 * Advisory: a physician decides and signs.
 */
public final class DischargeCheck {
    public enum Status {
        MET,
        NOT_MET,
        UNKNOWN
    }

    /** Which criterion a line is, for screens that name it in their own words. */
    public enum Kind {
        TIME_SINCE_END,
        CADSS,
        MOAAS,
        VITAL,
        SCHEDULED_RATINGS
    }

    /**
     * One criterion: {@code name} and {@code detail} as the station records them (audit trail, refusals);
     * {@code kind} and, for a vital sign, {@code vital} say which criterion it is; {@code timePoints}: the schedule's
     * time point ids the criterion is about, as data (the ratings still to do, or the time point of the rating that
     * decided), for screens that name them in staff words.
     */
    public record Criterion(Kind kind, Optional<Stream> vital, String name, Status status, String detail, List<String> timePoints) {
        public Criterion {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(vital, "vital");
            timePoints = List.copyOf(timePoints);
        }

        /** A criterion about no time point. */
        public Criterion(Kind kind, Optional<Stream> vital, String name, Status status, String detail) {
            this(kind, vital, name, status, detail, List.of());
        }

        Criterion(Kind kind, String name, Status status, String detail) {
            this(kind, Optional.empty(), name, status, detail);
        }

        Criterion(Kind kind, String name, Status status, String detail, String timePoint) {
            this(kind, Optional.empty(), name, status, detail, List.of(timePoint));
        }

        /** The criterion as the station writes it in a refusal: "name: detail". */
        public String line() {
            return name + ": " + detail;
        }
    }

    public record Result(List<Criterion> criteria) {
        public boolean ready() {
            return criteria.stream().allMatch(c -> c.status() == Status.MET);
        }
    }

    /** One rating of this session: its time point, when it was finished, its total and whether every item was assessed. */
    public record Rated(String timePointId, Instant finishedAt, OptionalInt total, boolean complete) {
        public Rated {
            Objects.requireNonNull(finishedAt, "finishedAt");
            Objects.requireNonNull(total, "total");
        }
    }

    /** A vital value and when it was measured. */
    public record Reading(double value, Instant measuredAt) {
    }

    /**
     * What the check reads, all from this session.
     * @param cadss this session's CADSS ratings (any time point); {@code moaas} likewise
     * @param baseline this session's recorded pre-dose values (HR, NIBP systolic and diastolic); never a previous session's
     * @param current the latest values on the bed with their time
     * @param outstanding the scheduled time points neither rated nor marked not assessed yet
     */
    public record Inputs(Instant infusionEnd, Instant now, List<Rated> cadss, List<Rated> moaas, Map<Stream, Reading> baseline,
                         Map<Stream, Reading> current, List<String> outstanding) {
        public Inputs {
            cadss = List.copyOf(cadss);
            moaas = List.copyOf(moaas);
            baseline = Map.copyOf(baseline);
            current = Map.copyOf(current);
            outstanding = List.copyOf(outstanding);
        }
    }

    public static final List<Stream> COMPARED = List.of(Stream.HR, Stream.NIBP_SYS, Stream.NIBP_DIA);

    private DischargeCheck() {
    }

    public static Result evaluate(DischargeCriteria c, Inputs in) {
        List<Criterion> out = new ArrayList<>();
        Duration since = Duration.between(in.infusionEnd(), in.now());
        out.add(new Criterion(Kind.TIME_SINCE_END, "time since end of infusion", since.compareTo(c.minAfterInfusionEnd()) >= 0 ? Status.MET : Status.NOT_MET,
                since.toMinutes() + " of " + c.minAfterInfusionEnd().toMinutes() + " min"));
        out.add(score(Kind.CADSS, "CADSS", in.cadss(), in.infusionEnd(), v -> v <= c.cadssMax(), "<= " + c.cadssMax()));
        out.add(score(Kind.MOAAS, "MOAA/S", in.moaas(), in.infusionEnd(), v -> v >= c.moaasMin(), ">= " + c.moaasMin()));
        for (Stream s : COMPARED) {
            out.add(vital(s, in.baseline().get(s), in.current().get(s), c, in.now()));
        }
        out.add(in.outstanding().isEmpty()
                ? new Criterion(Kind.SCHEDULED_RATINGS, "scheduled ratings", Status.MET, "all rated or marked not assessed")
                : new Criterion(Kind.SCHEDULED_RATINGS, Optional.empty(), "scheduled ratings", Status.NOT_MET,
                "still to rate or mark not assessed: " + String.join(", ", in.outstanding()), in.outstanding()));
        return new Result(List.copyOf(out));
    }

    /** The one criterion unmet before the infusion has ended: the time since its end cannot be counted yet. */
    public static Criterion infusionNotEnded() {
        return new Criterion(Kind.TIME_SINCE_END, "time since end of infusion", Status.NOT_MET, "the infusion has not ended");
    }

    /** The latest rating finished at or after the end of the infusion decides; it must be complete. */
    private static Criterion score(Kind kind, String name, List<Rated> ratings, Instant infusionEnd, IntPredicate ok,
                                   String rule) {
        Optional<Rated> latest = ratings.stream().filter(r -> !r.finishedAt().isBefore(infusionEnd))
                .max(Comparator.comparing(Rated::finishedAt));
        if (latest.isEmpty()) {
            return new Criterion(kind, name, Status.UNKNOWN, "not rated since the end of infusion; needs " + rule);
        }
        Rated r = latest.get();
        if (!r.complete() || r.total().isEmpty()) {
            return new Criterion(kind, name, Status.NOT_MET, "latest rating (" + r.timePointId() + ") has items not assessed; needs a complete "
                    + "rating " + rule, r.timePointId());
        }
        int v = r.total().getAsInt();
        return new Criterion(kind, name, ok.test(v) ? Status.MET : Status.NOT_MET, v + " at " + r.timePointId() + " (needs " + rule + ")",
                r.timePointId());
    }

    private static Criterion vital(Stream s, Reading baseline, Reading current, DischargeCriteria c, Instant now) {
        double percent = c.vitalsWithinPercent();
        String name = s.key() + " within " + Math.round(percent) + "% of baseline";
        if (baseline == null) {
            return new Criterion(Kind.VITAL, Optional.of(s), name, Status.UNKNOWN, "no pre-dose value recorded in this session");
        }
        if (current == null) {
            return new Criterion(Kind.VITAL, Optional.of(s), name, Status.UNKNOWN, "no current value");
        }
        Duration age = Duration.between(current.measuredAt(), now);
        if (age.compareTo(c.vitalsMaxAge()) > 0) {
            return new Criterion(Kind.VITAL, Optional.of(s), name, Status.NOT_MET, String.format("latest value is %d min old (needs a value from the last %d min)",
                    age.toMinutes(), c.vitalsMaxAge().toMinutes()));
        }
        double change = 100 * Math.abs(current.value() - baseline.value()) / baseline.value();
        return new Criterion(Kind.VITAL, Optional.of(s), name, change <= percent ? Status.MET : Status.NOT_MET,
                String.format("%.0f vs baseline %.0f (%.0f%%)", current.value(), baseline.value(), change));
    }
}
