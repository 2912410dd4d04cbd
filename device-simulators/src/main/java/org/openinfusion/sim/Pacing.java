package org.openinfusion.sim;

/** How simulated time advances while publishing. */
public enum Pacing {
    /** Simulated time follows the clock; chunks go out every 256 ms. The default. */
    REAL_TIME,
    /** The whole duration is generated and published as fast as the broker acknowledges. */
    AS_FAST_AS_POSSIBLE,
    /** Nothing moves by itself: the caller calls {@link SimulatedBeds#advanceTo}. */
    MANUAL
}
