package org.openinfusion.station.clinical.alarm;

import java.time.Instant;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.AlarmPriority;

/** An alarm condition that holds now, with who acknowledged it and until when it is silenced. */
public record ActiveAlarm(String id, AlarmPriority priority, String message, Instant raisedAt, Optional<String> acknowledgedBy,
                          Optional<Instant> silencedUntil, boolean escalated) {
    ActiveAlarm acknowledge(String user) {
        return new ActiveAlarm(id, priority, message, raisedAt, Optional.of(user), silencedUntil, escalated);
    }

    ActiveAlarm silence(Instant until) {
        return new ActiveAlarm(id, priority, message, raisedAt, acknowledgedBy, Optional.of(until), escalated);
    }

    ActiveAlarm escalate() {
        return new ActiveAlarm(id, priority, message, raisedAt, acknowledgedBy, silencedUntil, true);
    }

    ActiveAlarm message(String text) {
        return new ActiveAlarm(id, priority, text, raisedAt, acknowledgedBy, silencedUntil, escalated);
    }

    /** Whether it should sound at {@code now}. */
    public boolean audible(Instant now) {
        return silencedUntil.map(now::isAfter).orElse(true);
    }
}
