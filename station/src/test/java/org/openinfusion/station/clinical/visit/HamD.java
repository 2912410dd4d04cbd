package org.openinfusion.station.clinical.visit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.Scorer;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.visit.SubjectFacts.MeasuredRating;

/** HAM-D17 ratings for visit tests: the six HAM-D6 items and the eleven others scored separately. */
final class HamD {
    static final Instrument HAMD17 = InstrumentCatalog.builtIn().get("hamd17");
    static final List<String> HAMD6_ITEMS = List.of("depressed_mood", "guilt", "work_activities", "retardation", "anxiety_psychic",
            "somatic_general");

    private HamD() {
    }

    /**
     * A complete HAM-D17 rating: {@code six} spread over the HAM-D6 items, {@code rest} over the other eleven, each item
     * filled up to its own maximum in schedule order.
     */
    static Rating rating(String id, String timePoint, Instant finished, int six, int rest) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        int[] left = {six, rest};
        HAMD17.items().forEach(item -> {
            int bucket = HAMD6_ITEMS.contains(item.id()) ? 0 : 1;
            int v = Math.min(item.max(), left[bucket]);
            left[bucket] -= v;
            answers.put(item.id(), Answer.score(v));
        });
        if (left[0] != 0 || left[1] != 0) {
            throw new IllegalArgumentException("more than the items can hold");
        }
        return new Rating(id, "hamd17", null, timePoint, "research_rater", "rater1", finished.minusSeconds(600), finished, answers, null);
    }

    static MeasuredRating measured(String visitSessionId, Rating r) {
        return new MeasuredRating(r.id(), visitSessionId, r.timePointId(), r.instrumentId(), r.finishedAt(),
                Measures.of(Scorer.score(HAMD17, r)));
    }
}
