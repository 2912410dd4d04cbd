package org.openinfusion.sim.signal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sequence of breaths, generated lazily forwards in time, following the model respiratory
 * rate and end-tidal CO2 with breath-to-breath variability. Same seed, same breaths; reads must
 * move forwards (see {@link BeatTrain}).
 */
public final class BreathTrain {

    static final double WARM_UP_SECONDS = 40;
    private static final double KEEP_SECONDS = 40;

    private final Physiology physiology;
    private final SplittableRandom random;
    private final ArrayDeque<Breath> breaths = new ArrayDeque<>();
    private double nextStart;

    public BreathTrain(Physiology physiology, long seed) {
        this.physiology = physiology;
        this.random = Seeds.random(seed, "breaths");
        this.nextStart = -WARM_UP_SECONDS - 4 * random.nextDouble();
    }

    /** The breath in progress at {@code t}, preceded by the breath before it when known. */
    public List<Breath> around(double t) {
        extendPast(t);
        forgetBefore(t - KEEP_SECONDS);
        Breath previous = null;
        Breath current = null;
        for (Breath breath : breaths) {
            if (breath.start() > t) {
                break;
            }
            previous = current;
            current = breath;
        }
        List<Breath> found = new ArrayList<>(2);
        if (previous != null) {
            found.add(previous);
        }
        if (current != null) {
            found.add(current);
        }
        return found;
    }

    /** Breaths that ended at or before {@code t}, oldest first, at most {@code count}. */
    public List<Breath> completedBefore(double t, int count) {
        extendPast(t);
        forgetBefore(t - KEEP_SECONDS);
        List<Breath> done = breaths.stream().filter(b -> b.end() <= t).toList();
        return done.subList(Math.max(0, done.size() - count), done.size());
    }

    private void extendPast(double t) {
        while (nextStart <= t) {
            double duration = 60 / physiology.respiratoryRate(nextStart) * (1 + 0.05 * gaussian());
            double etco2 = physiology.endTidalCo2(nextStart) + 0.4 * gaussian();
            double apnoeaEnd = physiology.conditions().apnoeaEnd(nextStart);
            if (!Double.isNaN(apnoeaEnd)) {
                // no breath until the apnoea ends: one flat "breath" with no CO2
                duration = Math.max(0.5, apnoeaEnd - nextStart);
                etco2 = 0;
            }
            breaths.addLast(new Breath(nextStart, duration, etco2));
            nextStart += duration;
        }
    }

    private void forgetBefore(double t) {
        while (breaths.size() > 2 && breaths.peekFirst().end() < t) {
            breaths.removeFirst();
        }
    }

    private double gaussian() {
        return Math.max(-3, Math.min(3, random.nextGaussian()));
    }
}
