package org.openinfusion.station.clinical.rating;

import java.util.Map;
import java.util.OptionalInt;

/**
 * What the station computes from a rating. A total over an incomplete rating is the sum of the
 * assessed items only and {@link #complete()} is false: show it with {@link #summary()}, which says so.
 *
 * @param total empty when the instrument has no total (VAS)
 * @param subscales by subscale id; only subscales whose items are mapped and all part of the form
 * @param items the score of each assessed item
 */
public record Score(String instrumentId, String shortFormId, OptionalInt total, int minTotal, int maxTotal,
                    boolean complete, int itemCount, int notAssessed, Map<String, SubscaleScore> subscales,
                    Map<String, Integer> items) {

    public Score {
        subscales = Map.copyOf(subscales);
        items = Map.copyOf(items);
        if (complete != (notAssessed == 0)) {
            throw new IllegalArgumentException("complete must mean no item is left not assessed");
        }
    }

    /** e.g. "17 (0-92)" or "12 (0-92) INCOMPLETE: 2 of 23 items not assessed". */
    public String summary() {
        String head = total.isPresent() ? total.getAsInt() + " (" + minTotal + "-" + maxTotal + ")" : "no total";
        return complete ? head : head + " INCOMPLETE: " + notAssessed + " of " + itemCount + " items not assessed";
    }
}
