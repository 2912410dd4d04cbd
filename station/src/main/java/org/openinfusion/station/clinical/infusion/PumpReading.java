package org.openinfusion.station.clinical.infusion;

import java.time.Instant;
import java.util.Objects;

/** One pump report: its state word (as on the pump_state stream), rate and volume infused. */
public record PumpReading(Instant time, String state, double rateMlPerHour, double volumeInfusedMl) {
    public PumpReading {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
    }

    boolean infusing() {
        return state.equals("infusing");
    }
}
