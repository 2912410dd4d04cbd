package org.openinfusion.sim.signal;

/** Pump alarm conditions (docs/mqtt.md); the simulated pump raises none on its own. */
public enum PumpAlarm {
    NONE, OCCLUSION, AIR_IN_LINE, NEAR_END, END_OF_INFUSION, BATTERY_LOW, DOOR_OPEN, OTHER
}
