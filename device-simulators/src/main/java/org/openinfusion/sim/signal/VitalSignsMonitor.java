package org.openinfusion.sim.signal;

import java.util.List;

/**
 * Derives the per-second numerics from the same beats and breaths the waveforms are drawn from,
 * as a monitor would: rates from the last few intervals, EtCO2 from the last completed breath.
 * Calls must move forwards in time.
 */
public final class VitalSignsMonitor {

    private static final int BEATS_AVERAGED = 8;
    private static final int BREATHS_AVERAGED = 4;

    private final Physiology physiology;
    private final BeatTrain beats;
    private final BreathTrain breaths;

    public VitalSignsMonitor(Physiology physiology, long seed) {
        this.physiology = physiology;
        this.beats = new BeatTrain(physiology, seed);
        this.breaths = new BreathTrain(physiology, seed);
    }

    public VitalSigns at(double t) {
        double transit = physiology.profile().pulseTransitSeconds();
        int hr = perMinute(beats.meanIntervalBefore(t, BEATS_AVERAGED));
        int pr = perMinute(beats.meanIntervalBefore(t - transit, BEATS_AVERAGED));
        List<Breath> recent = breaths.completedBefore(t, BREATHS_AVERAGED);
        double meanBreath = recent.stream().mapToDouble(Breath::duration).average().orElseThrow();
        int etco2 = (int) Math.round(recent.get(recent.size() - 1).endTidalCo2());
        return new VitalSigns(hr, (int) Math.round(physiology.spo2(t)), pr, etco2, perMinute(meanBreath));
    }

    private static int perMinute(double intervalSeconds) {
        return (int) Math.round(60 / intervalSeconds);
    }
}
