package org.openinfusion.station.clinical.rating;

/** A subscale's sum over its assessed items; incomplete when any of its items was not assessed. */
public record SubscaleScore(String id, int total, int itemCount, int notAssessed, boolean verified) {
    public boolean complete() {
        return notAssessed == 0;
    }
}
