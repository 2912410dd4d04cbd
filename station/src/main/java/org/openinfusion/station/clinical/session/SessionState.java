package org.openinfusion.station.clinical.session;

/** Where a research session stands. Transitions are in {@link Session}. */
public enum SessionState {
    CREATED,
    BASELINE,
    PRETREATMENT_GIVEN,
    INFUSING,
    PAUSED,
    INFUSION_COMPLETE,
    OBSERVATION,
    READY_FOR_DISCHARGE,
    CLOSED
}
