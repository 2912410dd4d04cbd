package org.openinfusion.station.clinical.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit trail, read back: the typed event and where the trail put it.
 *
 * @param seq its sequence number in the trail (from 1)
 * @param time when it was written
 * @param session the session it belongs to, null for a station-wide entry
 * @param written the entry as it stands in the file, for the exports that reproduce entries verbatim
 */
public record Recorded(long seq, Instant time, String actor, SessionId session, TrailEvent event, Written written) {
    public Recorded {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(written, "written");
    }

    /** When the event happened: the time it states, else when it was written. */
    public Instant at() {
        return event instanceof Timed t && t.at() != null ? t.at() : time;
    }

    /** The event, when it is of the given kind. */
    public <T extends TrailEvent> Optional<T> as(Class<T> kind) {
        return kind.isInstance(event) ? Optional.of(kind.cast(event)) : Optional.empty();
    }
}
