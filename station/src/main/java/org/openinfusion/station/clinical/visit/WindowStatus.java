package org.openinfusion.station.clinical.visit;

/** Where a visit stands on a given day. */
public enum WindowStatus {
    /** Its anchor has not happened yet (e.g. a period's follow-up before that period's infusion). */
    NOT_YET_ANCHORED,
    /** Its window opens later. */
    UPCOMING,
    /** Its window is open today. */
    DUE,
    /** Its window has closed and it was neither done nor marked missed: still to do, out of window (flagged). */
    OVERDUE,
    /** Started, not yet completed. */
    IN_PROGRESS,
    /** Done within its window. */
    DONE,
    /** Done outside its window (flagged). */
    DONE_OUT_OF_WINDOW,
    /** Marked missed, with a reason. */
    MISSED,
    /** An unscheduled visit (no window). */
    UNSCHEDULED;

    /** Whether the visit belongs on a clinic list: still to be done and its window open or closed. */
    public boolean toDo() {
        return this == DUE || this == OVERDUE || this == IN_PROGRESS;
    }

    /** Out of window: done late or early, or still to do after its window. */
    public boolean outOfWindow() {
        return this == DONE_OUT_OF_WINDOW || this == OVERDUE;
    }
}
