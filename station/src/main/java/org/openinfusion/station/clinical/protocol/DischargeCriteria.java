package org.openinfusion.station.clinical.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * When a participant may be ready to leave: time since the end of infusion, CADSS and sedation back, vitals near the
 * session's pre-dose baseline and no older than {@code vitalsMaxAge}.
 */
public record DischargeCriteria(Duration minAfterInfusionEnd, int cadssMax, int moaasMin, double vitalsWithinPercent,
                                Duration vitalsMaxAge, String source) {
    public DischargeCriteria {
        Objects.requireNonNull(vitalsMaxAge, "vitalsMaxAge");
        Objects.requireNonNull(source, "source");
        if (minAfterInfusionEnd.isNegative() || cadssMax < 0 || moaasMin < 0 || moaasMin > 5 || vitalsWithinPercent <= 0
                || vitalsMaxAge.isNegative() || vitalsMaxAge.isZero()) {
            throw new IllegalArgumentException("discharge criteria out of range");
        }
    }
}
