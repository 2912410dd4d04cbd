package org.openinfusion.sim.signal;

/**
 * One cuff measurement.
 *
 * @param cycle index of the cuff cycle, 0 for the first
 * @param measuredAt when the cuff cycle ended, simulation seconds
 * @param systolic mmHg
 * @param diastolic mmHg
 * @param mean mmHg
 */
public record NibpReading(long cycle, double measuredAt, int systolic, int diastolic, int mean) {
}
