package org.openinfusion.sim.s5;

import java.util.Optional;
import org.openinfusion.sim.signal.Conditions;
import org.openinfusion.sim.signal.Conditions.Artefact;
import org.openinfusion.sim.signal.NibpCuff;
import org.openinfusion.sim.signal.NibpReading;
import org.openinfusion.sim.signal.SimulatedPatient;
import org.openinfusion.sim.signal.VitalSigns;
import org.openinfusion.sim.signal.VitalSignsMonitor;

/**
 * The monitor's display from the simulated patient; NIBP keeps the last finished cuff reading. The
 * patient's artefacts (a scenario's) show as on the MQTT monitor: an ECG lead off invalidates heart
 * rate, the SpO2 sensor off or motion on the pleth invalidates SpO2 and pulse rate, a failed cuff
 * cycle gives no reading (the previous one stays on the display).
 */
final class NumericsSource {

    private final VitalSignsMonitor vitals;
    private final NibpCuff cuff;
    private final Conditions conditions;

    NumericsSource(SimulatedPatient patient) {
        this.vitals = patient.vitalSigns();
        this.cuff = patient.nibp();
        this.conditions = patient.conditions();
    }

    /** The display at {@code t} seconds of simulation; calls must move forwards in time. */
    DisplayedNumerics at(double t, boolean sensorsOff) {
        VitalSigns signs = vitals.at(t);
        boolean plethOff = conditions.has(Artefact.SENSOR_OFF, t) || conditions.has(Artefact.PLETH_MOTION, t);
        return new DisplayedNumerics(signs.hr(), lastReading(t), signs.spo2(), signs.pr(), signs.etco2(), signs.rr(),
                sensorsOff, conditions.has(Artefact.LEAD_OFF, t), plethOff);
    }

    Optional<NibpReading> lastReading(double t) {
        long cycle = (long) Math.floor(t / NibpCuff.INTERVAL_SECONDS);
        for (long c = cycle; c >= Math.max(0, cycle - 2); c--) {
            NibpReading reading = cuff.reading(c);
            if (reading.measuredAt() <= t && !conditions.has(Artefact.CUFF_FAILURE, reading.measuredAt())) {
                return Optional.of(reading);
            }
        }
        return Optional.empty();
    }
}
