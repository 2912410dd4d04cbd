package org.openinfusion.station.device.asena;

/**
 * The only requests the station can send to an Asena pump: read-only status queries. There is
 * deliberately no way to express a programming command (start, stop, rate, VTBI, bolus, remote
 * control): the station monitors the pump, it never programs it. Do not add one here.
 */
public enum AsenaQuery {
    /** Infusion status: mode, alarm, rate, volume infused, pressure, time remaining. */
    INF,
    /** Current alarm. */
    ALARM
}
