package org.openinfusion.sim.serial;

/** Which way a captured chunk travelled. */
public enum Direction {
    /** Device to host: what the station receives. */
    RX,
    /** Host to device: what the station transmitted. */
    TX
}
