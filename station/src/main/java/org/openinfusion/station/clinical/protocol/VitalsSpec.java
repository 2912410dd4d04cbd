package org.openinfusion.station.clinical.protocol;

import java.time.Duration;

/** The vital-sign cadence expected: NIBP every {@code nibpEvery}, and "no NIBP for longer than {@code nibpMaxAge}" is an alarm while infusing. */
public record VitalsSpec(Duration nibpEvery, Duration nibpMaxAge) {
    public VitalsSpec {
        if (nibpMaxAge.compareTo(nibpEvery) < 0) {
            throw new IllegalArgumentException("the NIBP age limit must not be shorter than the NIBP interval");
        }
    }
}
