package org.openinfusion.sim.signal;

/** Arterial pressure in mmHg. */
public record BloodPressure(double systolic, double diastolic) {

    public BloodPressure {
        if (diastolic >= systolic) {
            throw new IllegalArgumentException("diastolic " + diastolic + " not below systolic " + systolic);
        }
    }

    /** Mean arterial pressure, the usual diastolic + one third of the pulse pressure. */
    public double mean() {
        return diastolic + (systolic - diastolic) / 3;
    }
}
