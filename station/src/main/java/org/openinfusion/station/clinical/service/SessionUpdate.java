package org.openinfusion.station.clinical.service;

import java.util.Objects;
import org.openinfusion.station.clinical.session.Outcome;

/** What changed in the session on one bed (already durable in the audit trail). */
public record SessionUpdate(String bedId, String sessionId, Outcome outcome) {
    public SessionUpdate {
        Objects.requireNonNull(bedId, "bedId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
