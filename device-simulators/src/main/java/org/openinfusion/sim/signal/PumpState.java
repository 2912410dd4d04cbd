package org.openinfusion.sim.signal;

/** What the simulated pump is doing (the {@code pump_state} words of docs/mqtt.md). */
public enum PumpState {
    /** Switched on, not infusing: not yet programmed, or programmed and waiting for start. */
    STANDBY,
    INFUSING,
    /** Held by the nurse or by an alarm (occlusion, air in line, door open); start resumes it. */
    PAUSED,
    /** Stopped by the nurse before the volume was delivered. */
    STOPPED,
    /** The programmed volume to be infused has been delivered ("infusion complete"). */
    COMPLETED
}
