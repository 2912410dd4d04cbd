package org.openinfusion.sim.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-invasive blood pressure: a cuff cycle starts every 5 minutes from simulation time 0 and
 * takes 25 to 40 s; the reading is the patient's pressure at the end of the cycle plus
 * measurement noise. Any cycle can be computed on its own, in any order.
 */
public final class NibpCuff {

    public static final double INTERVAL_SECONDS = 300;
    private static final double LONGEST_CYCLE_SECONDS = 40;

    private final Physiology physiology;
    private final long seed;

    public NibpCuff(Physiology physiology, long seed) {
        this.physiology = physiology;
        this.seed = seed;
    }

    /** Readings whose cycle ended in (after, upTo], oldest first. */
    public List<NibpReading> completedIn(double after, double upTo) {
        List<NibpReading> readings = new ArrayList<>(1);
        long first = Math.max(0, (long) Math.floor((after - LONGEST_CYCLE_SECONDS) / INTERVAL_SECONDS));
        long last = (long) Math.floor(upTo / INTERVAL_SECONDS);
        for (long cycle = first; cycle <= last; cycle++) {
            NibpReading reading = reading(cycle);
            if (reading.measuredAt() > after && reading.measuredAt() <= upTo) {
                readings.add(reading);
            }
        }
        return readings;
    }

    public NibpReading reading(long cycle) {
        SplittableRandom random = Seeds.random(seed, "nibp-" + cycle);
        double cycleMillis = Math.round(25_000 + 15_000 * random.nextDouble());
        double measuredAt = cycle * INTERVAL_SECONDS + cycleMillis / 1000;
        BloodPressure pressure = physiology.bloodPressure(measuredAt);
        double systolic = pressure.systolic() + 2 * random.nextGaussian();
        double diastolic = pressure.diastolic() + 1.5 * random.nextGaussian();
        return new NibpReading(cycle, measuredAt, (int) Math.round(systolic), (int) Math.round(diastolic),
                (int) Math.round(diastolic + (systolic - diastolic) / 3));
    }
}
