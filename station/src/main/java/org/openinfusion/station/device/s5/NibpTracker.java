package org.openinfusion.station.device.s5;

import java.time.Instant;

/**
 * Decides whether the NIBP values shown by the monitor are a new cuff reading. The monitor repeats
 * the last reading in every record until the next cycle; a reading is new when all three values are
 * valid and differ from the last reported triple (the first valid triple after start-up counts as
 * new). Its measurement time is the time of the first record that carried it. The group's status
 * bits are not used: their meaning is not confirmed (docs/s5.md, "Known limits"). Not thread-safe.
 */
final class NibpTracker {
    private double sys = Double.NaN;
    private double dia = Double.NaN;
    private double mean = Double.NaN;

    /** Returns true when (s, d, m) is a new reading. */
    boolean isNew(double s, double d, double m) {
        if (s == sys && d == dia && m == mean) {
            return false;
        }
        sys = s;
        dia = d;
        mean = m;
        return true;
    }
}
