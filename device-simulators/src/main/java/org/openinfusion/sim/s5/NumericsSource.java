package org.openinfusion.sim.s5;

import java.util.Optional;
import org.openinfusion.sim.signal.NibpCuff;
import org.openinfusion.sim.signal.NibpReading;
import org.openinfusion.sim.signal.SimulatedPatient;
import org.openinfusion.sim.signal.VitalSigns;
import org.openinfusion.sim.signal.VitalSignsMonitor;

/** The monitor's display from the simulated patient; NIBP keeps the last finished cuff reading. */
final class NumericsSource {

    private final VitalSignsMonitor vitals;
    private final NibpCuff cuff;

    NumericsSource(SimulatedPatient patient) {
        this.vitals = patient.vitalSigns();
        this.cuff = patient.nibp();
    }

    /** The display at {@code t} seconds of simulation; calls must move forwards in time. */
    DisplayedNumerics at(double t, boolean sensorsOff) {
        VitalSigns signs = vitals.at(t);
        return new DisplayedNumerics(signs.hr(), lastReading(t), signs.spo2(), signs.pr(), signs.etco2(), signs.rr(),
                sensorsOff);
    }

    Optional<NibpReading> lastReading(double t) {
        long cycle = (long) Math.floor(t / NibpCuff.INTERVAL_SECONDS);
        for (long c = cycle; c >= Math.max(0, cycle - 1); c--) {
            NibpReading reading = cuff.reading(c);
            if (reading.measuredAt() <= t) {
                return Optional.of(reading);
            }
        }
        return Optional.empty();
    }
}
