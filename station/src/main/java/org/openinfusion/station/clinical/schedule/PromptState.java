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
    /**
     * Not due, with a reason, and never silently dropped: a time point during the infusion (anchored to its start,
     * before the planned end) whose time came after the infusion had ended early ("infusion ended early at T+26").
     */
    NOT_APPLICABLE,
    COMPLETED
}
