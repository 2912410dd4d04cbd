package org.openinfusion.station.clinical.protocol;

import java.time.Duration;

/** When a participant may be ready to leave: time since the end of infusion, CADSS and sedation back, vitals near baseline. */
public record DischargeCriteria(Duration minAfterInfusionEnd, int cadssMax, int moaasMin, double vitalsWithinPercent) {
    public DischargeCriteria {
        if (minAfterInfusionEnd.isNegative() || cadssMax < 0 || moaasMin < 0 || moaasMin > 5 || vitalsWithinPercent <= 0) {
            throw new IllegalArgumentException("discharge criteria out of range");
        }
    }
}
