package org.openinfusion.station.clinical.visit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.Scorer;
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

    /**
     * The measures of a rating scored with its instrument from {@code instruments}; none when the instrument is no longer
     * installed or the rating no longer fits it (nothing to compare).
     */
    public static Function<Rating, Map<String, Integer>> using(Function<String, Instrument> instruments) {
        return r -> {
            try {
                return of(Scorer.score(instruments.apply(r.instrumentId()), r));
            } catch (RuntimeException unknownOrInvalid) {
                return Map.of();
            }
        };
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
