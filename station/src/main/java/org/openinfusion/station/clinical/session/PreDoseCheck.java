package org.openinfusion.station.clinical.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openinfusion.station.clinical.protocol.PreDoseGate;
import org.openinfusion.station.domain.Stream;

/**
 * Before the infusion start is confirmed: this session's pre-dose NIBP must be fresh, and a blood pressure above the
 * protocol's gate (e.g. 140/90, or 150 systolic over age 65) asks for a recheck or a confirmation with a reason. Pure.
 */
public final class PreDoseCheck {
    private PreDoseCheck() {
    }

    /** Why the start needs a reason; empty when it may go ahead. */
    public record Result(List<String> concerns) {
        public Result {
            concerns = List.copyOf(concerns);
        }

        public boolean clear() {
            return concerns.isEmpty();
        }
    }

    /**
     * @param preDose this session's values measured between the baseline step and now (never a previous session's)
     * @param ageYears the participant's age when known (unknown: the general threshold applies)
     */
    public static Result evaluate(PreDoseGate gate, Map<Stream, DischargeCheck.Reading> preDose, OptionalInt ageYears, Instant now) {
        Duration maxAge = gate.nibpMaxAge();
        List<String> concerns = new ArrayList<>();
        DischargeCheck.Reading sys = preDose.get(Stream.NIBP_SYS);
        DischargeCheck.Reading dia = preDose.get(Stream.NIBP_DIA);
        if (sys == null || dia == null) {
            concerns.add("no pre-dose NIBP recorded in this session");
            return new Result(concerns);
        }
        Duration age = Duration.between(sys.measuredAt(), now);
        if (age.compareTo(maxAge) > 0) {
            concerns.add("the pre-dose NIBP is " + age.toMinutes() + " min old (needs one from the last " + maxAge.toMinutes() + " min)");
        }
        int sysLimit = gate.systolicAboveFor(ageYears);
        if (sys.value() > sysLimit || dia.value() > gate.diastolicAbove()) {
            concerns.add(String.format("pre-dose BP %.0f/%.0f above %d/%d (source: %s)", sys.value(),
                    dia.value(), sysLimit, gate.diastolicAbove(), gate.source()));
        }
        return new Result(concerns);
    }

    /** Refuses the start while there are concerns and no reason is given. */
    public static void requireReasonIfNeeded(Result r, Optional<String> reason) {
        if (!r.clear() && reason.map(String::isBlank).orElse(true)) {
            throw new IllegalStateException("confirming the infusion start needs a reason: " + String.join("; ", r.concerns()));
        }
    }
}
