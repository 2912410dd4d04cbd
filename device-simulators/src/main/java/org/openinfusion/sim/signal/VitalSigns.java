package org.openinfusion.sim.signal;

/**
 * What the monitor displays each second, as whole numbers like a real monitor.
 *
 * @param hr heart rate from the ECG, /min
 * @param spo2 oxygen saturation, %
 * @param pr pulse rate from the pleth, /min
 * @param etco2 end-tidal CO2 of the last breath, mmHg
 * @param rr respiratory rate from the capnogram, /min
 */
public record VitalSigns(int hr, int spo2, int pr, int etco2, int rr) {
}
