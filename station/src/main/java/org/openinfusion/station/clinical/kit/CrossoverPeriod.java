package org.openinfusion.station.clinical.kit;

import java.util.List;

/**
 * A subject's crossover period counts dosed sessions, not created ones: a session closed before the infusion started
 * (aborted) does not use up a period.
 */
public final class CrossoverPeriod {
    private CrossoverPeriod() {
    }

    /** The period of the subject's next session after {@code dosedSessions} dosed ones (1 for the first). */
    public static int next(int dosedSessions) {
        if (dosedSessions < 0) {
            throw new IllegalArgumentException("dosed sessions must not be negative");
        }
        return dosedSessions + 1;
    }

    /**
     * The period of each of a subject's sessions, in the order they were created: a dosed session takes the next period,
     * an undosed one is given 0 (no period).
     */
    public static List<Integer> periods(List<Boolean> dosedInOrder) {
        int[] dosed = {0};
        return dosedInOrder.stream().map(d -> d ? ++dosed[0] : 0).toList();
    }
}
