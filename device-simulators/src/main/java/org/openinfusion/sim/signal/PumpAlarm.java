package org.openinfusion.sim.signal;

/**
 * Pump alarm conditions (the {@code pump_alarm} words of docs/mqtt.md). The simulated pump raises
 * them only when told to (a scenario or the control channel); reaching the volume to be infused is
 * reported as the state {@link PumpState#COMPLETED}, not as an alarm.
 */
public enum PumpAlarm {
    NONE, OCCLUSION, AIR_IN_LINE, NEAR_END, END_OF_INFUSION, BATTERY_LOW, DOOR_OPEN, OTHER;

    /** True for the alarms that halt the infusion (occlusion, air in line, door open, other). */
    public boolean haltsInfusion() {
        return this == OCCLUSION || this == AIR_IN_LINE || this == DOOR_OPEN || this == OTHER;
    }
}
