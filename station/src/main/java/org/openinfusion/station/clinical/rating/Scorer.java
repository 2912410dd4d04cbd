package org.openinfusion.station.clinical.rating;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** Computes totals and subscales from a valid rating; nobody types a total. */
public final class Scorer {
    private Scorer() {
    }

    /** @throws InvalidRatingException when the rating does not fit the instrument */
    public static Score score(Instrument instrument, Rating rating) {
        RatingCheck.requireValid(instrument, rating);
        List<Item> items = instrument.itemsOf(rating.shortFormId());
        Map<String, Integer> scores = new HashMap<>();
        rating.answers().forEach((id, answer) -> {
            if (answer instanceof Answer.Scored s) {
                scores.put(id, s.value());
            }
        });
        int notAssessed = items.size() - scores.size();
        OptionalInt total = instrument.scoring() == Scoring.SUM
                ? OptionalInt.of(sum(scores, items.stream().map(Item::id).toList()))
                : OptionalInt.empty();
        String form = rating.shortFormId();
        return new Score(instrument.id(), form, total, instrument.minTotal(form), instrument.maxTotal(form),
                notAssessed == 0, items.size(), notAssessed, subscales(instrument, items, scores), scores);
    }

    private static Map<String, SubscaleScore> subscales(Instrument instrument, List<Item> items,
                                                        Map<String, Integer> scores) {
        Set<String> inForm = items.stream().map(Item::id).collect(Collectors.toSet());
        Map<String, SubscaleScore> result = new HashMap<>();
        for (Subscale s : instrument.subscales()) {
            if (s.mapped() && inForm.containsAll(s.itemIds())) {
                int missing = (int) s.itemIds().stream().filter(id -> !scores.containsKey(id)).count();
                result.put(s.id(), new SubscaleScore(s.id(), sum(scores, s.itemIds()), s.itemIds().size(), missing,
                        s.verified()));
            }
        }
        return result;
    }

    private static int sum(Map<String, Integer> scores, List<String> ids) {
        return ids.stream().mapToInt(id -> scores.getOrDefault(id, 0)).sum();
    }
}
