package org.openinfusion.station.clinical.review;

import java.time.LocalDate;

/**
 * Which sessions to list; a null field matches everything. Dates are the session's creation date (UTC);
 * {@code subjectCode} matches a code that contains it (case-insensitive).
 */
public record ReviewFilter(String protocolId, LocalDate from, LocalDate to, String subjectCode, RecordState state,
                           boolean needsSignatureOnly) {
    public static final ReviewFilter ALL = new ReviewFilter(null, null, null, null, null, false);

    /** Open: still running on a bed; CLOSED: ended, unsigned or amended since signing; SIGNED: signed and unchanged since. */
    public enum RecordState { OPEN, CLOSED, SIGNED }
}
