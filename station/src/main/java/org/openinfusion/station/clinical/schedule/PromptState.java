package org.openinfusion.station.clinical.schedule;

/** Life of one rating time point. */
public enum PromptState {
    /** Its anchor (e.g. the end of infusion) has not happened yet. */
    WAITING,
    /** Its due time is known, its window not yet open. */
    SCHEDULED,
    DUE,
    OVERDUE,
    MISSED,
    COMPLETED
}
