package org.openinfusion.sim.s5;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next physiological-data record is due: the first right after the request, then every
 * {@code interval}. {@link #OFF} sends nothing.
 */
record NumericsSchedule(int recordType, Duration interval, Instant nextAt) {

    static final NumericsSchedule OFF = new NumericsSchedule(0, Duration.ZERO, Instant.MAX);

    boolean isDue(Instant now) {
        return !now.isBefore(nextAt);
    }

    NumericsSchedule next() {
        return new NumericsSchedule(recordType, interval, nextAt.plus(interval));
    }
}
