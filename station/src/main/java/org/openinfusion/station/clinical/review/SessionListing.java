package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.List;

/**
 * One row of the session list. {@code closedAt} and {@code lastSignature} are null when absent;
 * {@code needsSignature}: closed, and never signed or amended since the last signature.
 */
public record SessionListing(String sessionId, String subjectCode, String protocolId, int protocolVersion, String bed,
                             Instant createdAt, Instant closedAt, ReviewFilter.RecordState state, Signature lastSignature,
                             boolean amendedSinceSigned, boolean needsSignature) {

    /** The reply to a list request, newest session first. */
    public record SessionListings(List<SessionListing> sessions) {
        public SessionListings {
            sessions = List.copyOf(sessions);
        }
    }
}
