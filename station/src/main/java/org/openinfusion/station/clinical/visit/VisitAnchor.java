package org.openinfusion.station.clinical.visit;

/** The day a planned visit's day is counted from. */
public enum VisitAnchor {
    /** The subject's consent (screening) day, given at enrolment. Visits anchored here happen once. */
    CONSENT,
    /** The day of the subject's first infusion (period 1). Visits anchored here happen once. */
    FIRST_INFUSION,
    /** The day of each period's infusion: the visit repeats in every crossover period. */
    PERIOD_INFUSION
}
