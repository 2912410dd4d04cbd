package org.openinfusion.station.clinical.history;

import java.util.Objects;

/** A session's id as the audit trail names it (a UUID for sessions the station created). */
public record SessionId(String value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a session id is not blank");
        }
    }

    /** The id, or null for a station-wide entry. */
    public static SessionId orNull(String value) {
        return value == null ? null : new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
