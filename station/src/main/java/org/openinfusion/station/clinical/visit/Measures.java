package org.openinfusion.station.clinical.visit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.rating.SubscaleScore;

/**
 * The measures a scored rating gives for comparison across visits: the instrument's total under its id (e.g.
 * {@code hamd17}) and each subscale's total under the subscale id (e.g. {@code hamd6}, the HAM-D17 items 1, 2, 7, 8,
 * 10, 13). Complete ones only: a total with an item not assessed is never compared (nothing is prorated).
 */
public final class Measures {
    private Measures() {
    }

    public static Map<String, Integer> of(Score score) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (score.total().isPresent() && score.complete() && score.shortFormId() == null) {
            out.put(score.instrumentId(), score.total().getAsInt());
        }
        for (SubscaleScore s : score.subscales().values()) {
            if (s.complete()) {
                out.put(s.id(), s.total());
            }
        }
        return out;
    }
}
