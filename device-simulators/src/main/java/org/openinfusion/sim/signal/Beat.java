package org.openinfusion.sim.signal;

/**
 * One heartbeat.
 *
 * @param time the R peak, simulation seconds
 * @param interval the RR interval that ended with this beat, seconds
 * @param strength scale of this beat's waves (about 1)
 */
public record Beat(double time, double interval, double strength) {
}
