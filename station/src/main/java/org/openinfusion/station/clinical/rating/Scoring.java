package org.openinfusion.station.clinical.rating;

/** How a total is formed: the sum of item scores, or no total (each item stands alone, e.g. VAS). */
public enum Scoring {
    SUM,
    NONE
}
