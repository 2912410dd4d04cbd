package org.openinfusion.sim.signal;

/** What the simulated pump is doing. */
public enum PumpState {
    /** Programmed, not yet started. */
    STANDBY,
    INFUSING,
    /** The planned volume has been delivered. */
    COMPLETED
}
