package org.openinfusion.station.clinical.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The vital-sign cadence expected: NIBP every {@code nibpEvery} while infusing ("no NIBP for longer than
 * {@code nibpMaxAge}" is then an alarm), and every {@code nibpAfterInfusionEvery} from the end of the infusion until
 * the session is ready for discharge (ketamine's blood-pressure rise lasts hours).
 */
public record VitalsSpec(Duration nibpEvery, Duration nibpMaxAge, Duration nibpAfterInfusionEvery, String source) {
    public VitalsSpec {
        Objects.requireNonNull(nibpAfterInfusionEvery, "nibpAfterInfusionEvery");
        Objects.requireNonNull(source, "source");
        if (nibpMaxAge.compareTo(nibpEvery) < 0) {
            throw new IllegalArgumentException("the NIBP age limit must not be shorter than the NIBP interval");
        }
        if (nibpAfterInfusionEvery.compareTo(nibpEvery) < 0) {
            throw new IllegalArgumentException("the NIBP interval after the infusion must not be shorter than during it");
        }
    }
}
