package org.openinfusion.sim.signal;

/**
 * What the pump reports at one moment.
 *
 * @param rateMlPerHour current delivery rate (0 unless infusing), mL/h
 * @param infusedMl volume delivered so far, mL
 * @param remainingMl volume still to be infused, mL
 * @param state what the pump is doing
 * @param alarm active alarm, {@link PumpAlarm#NONE} normally
 * @param programmedRateMlPerHour the programmed rate (0 before programming), mL/h
 * @param programmedVtbiMl the programmed volume to be infused (0 before programming), mL
 */
public record PumpStatus(double rateMlPerHour, double infusedMl, double remainingMl, PumpState state,
                         PumpAlarm alarm, double programmedRateMlPerHour, double programmedVtbiMl) {
}
