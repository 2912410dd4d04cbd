package org.openinfusion.station.clinical.audit;

/** What is wrong at the first broken link of an audit file. */
public enum AuditProblem {
    /** The line is not a well-formed entry (not JSON, missing or extra fields, wrong types). */
    UNPARSABLE_LINE,
    /** The last line has no line end: an append was cut short (crash during the write). */
    UNTERMINATED_LINE,
    /** The sequence number is not the previous one plus one (a line deleted, inserted or moved). */
    SEQUENCE_GAP,
    /** The entry's "prev" is not the previous entry's hash (an earlier entry was rewritten and re-hashed). */
    PREVIOUS_HASH_MISMATCH,
    /** The entry's hash does not match its content (the entry or its hash was edited). */
    HASH_MISMATCH
}
