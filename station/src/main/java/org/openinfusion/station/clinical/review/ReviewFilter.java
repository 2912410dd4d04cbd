package org.openinfusion.station.clinical.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which sessions to list; a null field matches everything. Dates are the session's creation date in {@code zone} (the
 * site's time zone the screens show; UTC when none is given); {@code subjectCode} matches a code that contains it
 * (case-insensitive).
 */
public record ReviewFilter(String protocolId, LocalDate from, LocalDate to, String subjectCode, RecordState state,
                           boolean needsSignatureOnly, ZoneId zone) {
    public static final ReviewFilter ALL = new ReviewFilter(null, null, null, null, null, false);

    public ReviewFilter {
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** Dates read in UTC. */
    public ReviewFilter(String protocolId, LocalDate from, LocalDate to, String subjectCode, RecordState state, boolean needsSignatureOnly) {
        this(protocolId, from, to, subjectCode, state, needsSignatureOnly, ZoneOffset.UTC);
    }

    /** Whether this filter lets every session through (whatever its zone). */
    public boolean matchesAll() {
        return protocolId == null && from == null && to == null && subjectCode == null && state == null && !needsSignatureOnly;
    }

    /** Open: still running on a bed; CLOSED: ended, unsigned or amended since signing; SIGNED: signed and unchanged since. */
    public enum RecordState { OPEN, CLOSED, SIGNED }
}
