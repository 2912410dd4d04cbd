package org.openinfusion.sim.signal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sequence of heartbeats, generated lazily forwards in time. Each interval follows the
 * model heart rate with a few percent of random beat-to-beat variability.
 *
 * <p>Two trains built from the same physiology and seed hold identical beats, so each consumer
 * (ECG, pleth, numerics) keeps its own train and reads it at its own pace. Reads must move
 * forwards: beats well behind the last read are forgotten.
 */
public final class BeatTrain {

    /** Beats start this long before time 0, so that numerics at time 0 have a history. */
    static final double WARM_UP_SECONDS = 20;
    private static final double VARIABILITY = 0.025;
    private static final double KEEP_SECONDS = 20;

    private final Physiology physiology;
    private final SplittableRandom random;
    private final ArrayDeque<Beat> beats = new ArrayDeque<>();
    private double lastTime;

    public BeatTrain(Physiology physiology, long seed) {
        this.physiology = physiology;
        this.random = Seeds.random(seed, "beats");
        this.lastTime = -WARM_UP_SECONDS - random.nextDouble();
    }

    /** The beats with R peaks in [from, to], oldest first. */
    public List<Beat> between(double from, double to) {
        extendPast(to);
        forgetBefore(from - KEEP_SECONDS);
        List<Beat> found = new ArrayList<>(4);
        for (Beat beat : beats) {
            if (beat.time() > to) {
                break;
            }
            if (beat.time() >= from) {
                found.add(beat);
            }
        }
        return found;
    }

    /** Mean of the last {@code count} RR intervals of beats at or before {@code t}, seconds. */
    public double meanIntervalBefore(double t, int count) {
        List<Beat> recent = between(t - KEEP_SECONDS, t);
        List<Beat> last = recent.subList(Math.max(0, recent.size() - count), recent.size());
        return last.stream().mapToDouble(Beat::interval).average().orElseThrow();
    }

    private void extendPast(double t) {
        while (lastTime <= t) {
            double interval = 60 / physiology.heartRate(lastTime) * (1 + VARIABILITY * gaussian());
            lastTime += interval;
            beats.addLast(new Beat(lastTime, interval, 1 + 0.03 * gaussian()));
        }
    }

    private void forgetBefore(double t) {
        while (!beats.isEmpty() && beats.peekFirst().time() < t) {
            beats.removeFirst();
        }
    }

    private double gaussian() {
        return Math.max(-3, Math.min(3, random.nextGaussian()));
    }
}
