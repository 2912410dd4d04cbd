package org.openinfusion.sim.s5;

import java.util.Arrays;
import java.util.Optional;

/** The waveforms this simulator can stream, with their DRI ids, device rates and sample units. */
enum WaveId {
    /** ECG lead I, 10 µV (0.01 mV) per unit, the factor VSCapture uses. */
    ECG1(1, 300),
    /** ECG lead II, 10 µV (0.01 mV) per unit, the factor VSCapture uses. */
    ECG2(2, 300),
    /** ECG lead III, 10 µV (0.01 mV) per unit, the factor VSCapture uses. */
    ECG3(3, 300),
    /** Plethysmogram, 0.01 of the generator's arbitrary unit. */
    PLETH(8, 100),
    /** CO2, 0.01 % of the ambient pressure (760 mmHg). */
    CO2(9, 25);

    private final int id;
    private final int rate;

    WaveId(int id, int rate) {
        this.id = id;
        this.rate = rate;
    }

    int id() {
        return id;
    }

    /** Samples per second. */
    int rate() {
        return rate;
    }

    static Optional<WaveId> of(int id) {
        return Arrays.stream(values()).filter(w -> w.id == id).findFirst();
    }
}
