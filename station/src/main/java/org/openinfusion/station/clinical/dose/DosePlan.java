package org.openinfusion.station.clinical.dose;

import java.time.Duration;

/**
 * What staff prepare and the pump should do: the nominal dose, the volume, the rate and how long.
 * Holds nothing that reveals the arm (no concentration): with a fixed final volume every arm looks
 * the same.
 */
public record DosePlan(double basisWeightKg, double nominalDoseMg, double volumeMl, double rateMlPerHour, Duration duration) {
    public DosePlan {
        if (!(nominalDoseMg > 0) || !(volumeMl > 0) || !(rateMlPerHour > 0)) {
            throw new IllegalArgumentException("a dose plan needs positive dose, volume and rate");
        }
    }

    /** Volume the pump should have delivered after infusing for {@code infusing} (pauses excluded). */
    public double expectedVolumeMl(Duration infusing) {
        double hours = infusing.toNanos() / 3.6e12;
        return Math.min(volumeMl, rateMlPerHour * hours);
    }
}
