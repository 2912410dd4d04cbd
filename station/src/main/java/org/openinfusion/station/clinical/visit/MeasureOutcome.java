package org.openinfusion.station.clinical.visit;

/**
 * A measure at one visit against the period's baseline. Null where it cannot be said: no baseline (no change, no
 * response), a baseline of 0 (no percent, no response), no remission threshold in the protocol (no remission).
 *
 * @param percentChange negative = better (a reduction)
 */
public record MeasureOutcome(String measure, int value, Integer baseline, Integer change, Double percentChange, Boolean response,
                             Boolean remission) {
}
