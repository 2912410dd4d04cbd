package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.List;

/**
 * One row of the session list. {@code closedAt} and {@code lastSignature} are null when absent;
 * {@code needsSignature}: closed, and never signed or amended since the last signature. {@code protocolTitle} is the
 * protocol file's title (the study design as staff read it), or null when this station has no file for that version.
 */
public record SessionListing(String sessionId, String subjectCode, String protocolId, int protocolVersion, String bed,
                             Instant createdAt, Instant closedAt, ReviewFilter.RecordState state, Signature lastSignature,
                             boolean amendedSinceSigned, boolean needsSignature, String protocolTitle) {

    /** A row as the audit trail gives it, without the protocol file's title. */
    public SessionListing(String sessionId, String subjectCode, String protocolId, int protocolVersion, String bed,
                          Instant createdAt, Instant closedAt, ReviewFilter.RecordState state, Signature lastSignature,
                          boolean amendedSinceSigned, boolean needsSignature) {
        this(sessionId, subjectCode, protocolId, protocolVersion, bed, createdAt, closedAt, state, lastSignature,
                amendedSinceSigned, needsSignature, null);
    }

    /** This row with the protocol's title (null when unknown). */
    public SessionListing withProtocolTitle(String title) {
        return new SessionListing(sessionId, subjectCode, protocolId, protocolVersion, bed, createdAt, closedAt, state, lastSignature,
                amendedSinceSigned, needsSignature, title);
    }

    /** The reply to a list request, newest session first. */
    public record SessionListings(List<SessionListing> sessions) {
        public SessionListings {
            sessions = List.copyOf(sessions);
        }
    }
}
