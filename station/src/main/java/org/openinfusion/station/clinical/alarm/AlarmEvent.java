package org.openinfusion.station.clinical.alarm;

import java.time.Instant;
import org.openinfusion.station.clinical.protocol.AlarmPriority;

/** Every change of an alarm's state; each one is a clinical event for the audit trail. */
public record AlarmEvent(String alarmId, Kind kind, AlarmPriority priority, String message, Instant at, String by) {
    public enum Kind {
        RAISED,
        ACKNOWLEDGED,
        SILENCED,
        ESCALATED,
        CLEARED,
        /** A hold criterion is met: the station advises, it never commands the pump. */
        HOLD_ADVISED
    }
}
