package org.openinfusion.station.clinical.blinding;

import java.util.Map;

/** The port to the audit trail: returns only once the entry is durable. */
@FunctionalInterface
public interface AuditTrail {
    void record(String type, String actor, String sessionId, Map<String, Object> payload);
}
