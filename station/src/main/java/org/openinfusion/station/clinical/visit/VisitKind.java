package org.openinfusion.station.clinical.visit;

/** What happens at a visit. */
public enum VisitKind {
    /** An infusion session as at the bedside (devices, kit, infusion, acute ratings). */
    INFUSION,
    /** Ratings only: no devices, no kit; vitals entered by hand, notes, adverse events. */
    RATING
}
