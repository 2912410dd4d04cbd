package org.openinfusion.station.clinical.history;

import java.util.List;

/** The port to the audit trail: writes one typed event and returns only once it is durable. */
@FunctionalInterface
public interface AuditPort {
    /**
     * @param actor user id of who caused it, or "station"
     * @param session the session it belongs to, or null for a station-wide event
     */
    void record(String actor, SessionId session, TrailEvent event);

    /**
     * Records events that belong together (a rating's correction in review and the amendment that gives its reason) as
     * one: the station's trail ({@code AuditWriter}, {@code AuditLogTrail}) writes them with one write and one fsync, so
     * that either all of them are durable or none is. This default, for ports kept in memory, records them in order.
     */
    default void recordAll(String actor, SessionId session, List<TrailEvent> events) {
        events.forEach(e -> record(actor, session, e));
    }

    /** The actor of events the station causes itself (clock, pump, alarms, prompts). */
    String STATION = "station";
}
