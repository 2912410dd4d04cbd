package org.openinfusion.sim.s5;

import java.util.Optional;
import org.openinfusion.sim.signal.NibpReading;

/**
 * What the monitor shows at one moment.
 *
 * @param hr ECG heart rate, /min
 * @param nibp the last cuff reading, empty before the first cycle ended
 * @param spo2 %
 * @param pr pulse rate from the pleth, /min
 * @param etco2Mmhg end-tidal CO2, mmHg
 * @param rr respiratory rate, /min
 * @param sensorsOff the SpO2 and CO2 sensors are off: their values are sent as invalid
 * @param leadOff an ECG lead is off: heart rate is sent as invalid
 * @param plethOff the SpO2 sensor is off the finger or the pleth is swamped by motion: SpO2 and
 *     pulse rate are sent as invalid
 */
record DisplayedNumerics(int hr, Optional<NibpReading> nibp, int spo2, int pr, int etco2Mmhg, int rr,
                         boolean sensorsOff, boolean leadOff, boolean plethOff) {

    DisplayedNumerics(int hr, Optional<NibpReading> nibp, int spo2, int pr, int etco2Mmhg, int rr, boolean sensorsOff) {
        this(hr, nibp, spo2, pr, etco2Mmhg, rr, sensorsOff, false, false);
    }
}
