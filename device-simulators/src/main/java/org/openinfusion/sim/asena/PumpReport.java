package org.openinfusion.sim.asena;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.openinfusion.sim.signal.PumpAlarm;
import org.openinfusion.sim.signal.PumpState;

/**
 * What the pump reports in its {@code INF} answer, before formatting.
 *
 * @param serial instrument serial number
 * @param alarm active alarm ({@link PumpAlarm#NONE} normally)
 * @param state what the pump does
 * @param rateMlPerHour current rate
 * @param vtbiRemainingMl volume still to be infused
 * @param infusedMl volume infused so far
 * @param pressureMmHg line pressure
 * @param timeRemaining until the volume is infused
 * @param logId id of the last event-log entry (grows by one at every state or alarm change)
 */
record PumpReport(String serial, PumpAlarm alarm, PumpState state, double rateMlPerHour, double vtbiRemainingMl,
                  double infusedMl, int pressureMmHg, Duration timeRemaining, long logId) {

    static final String LOG_TYPE = "EVENT";

    /** The {@code INF} answer's fields [0]..[13] (device-simulators/README.md, "Asena GH/CC"). */
    List<String> infFields() {
        return List.of("INF", serial, alarm.name(), state.name(), decimal(rateMlPerHour, 2), "ml/h",
                decimal(vtbiRemainingMl, 3), decimal(infusedMl, 3), "ml", Integer.toString(pressureMmHg), "mmHg",
                clock(timeRemaining), LOG_TYPE, Long.toString(logId));
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
