package org.openinfusion.station.clinical.history;

/** The port to the audit trail: writes one typed event and returns only once it is durable. */
@FunctionalInterface
public interface AuditPort {
    /**
     * @param actor user id of who caused it, or "station"
     * @param session the session it belongs to, or null for a station-wide event
     */
    void record(String actor, SessionId session, TrailEvent event);

    /** The actor of events the station causes itself (clock, pump, alarms, prompts). */
    String STATION = "station";
}
