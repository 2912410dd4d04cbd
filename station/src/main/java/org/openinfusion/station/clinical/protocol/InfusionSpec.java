package org.openinfusion.station.clinical.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The infusion as staff prepare and run it. The dose is the nominal one the volume and rate are
 * computed from; what each arm really contains is sealed in {@link Arm}.
 */
public record InfusionSpec(double doseMgPerKg, WeightBasis weightBasis, OptionalDouble weightCapKg, Duration duration,
                           Dilution dilution, double doseRoundingMg, double rateRoundingMlPerHour, String source) {
    public InfusionSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(weightBasis, "weightBasis");
        Objects.requireNonNull(dilution, "dilution");
        Objects.requireNonNull(weightCapKg, "weightCapKg");
        if (!(doseMgPerKg > 0 && doseMgPerKg <= 5)) {
            throw new IllegalArgumentException("dose must be 0 - 5 mg/kg, got " + doseMgPerKg);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(6)) > 0) {
            throw new IllegalArgumentException("duration must be 1 min - 6 h, got " + duration);
        }
        if (!(doseRoundingMg > 0) || !(rateRoundingMlPerHour > 0)) {
            throw new IllegalArgumentException("rounding steps must be positive");
        }
    }
}
