package org.openinfusion.station.clinical.rating;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which rating counts for a time point: originals and corrections are all kept, and the effective
 * one is the latest-finished rating of that instrument and time point that no correction replaces.
 */
public final class EffectiveRating {
    private EffectiveRating() {
    }

    /**
     * @param ratings originals and corrections, in any order (ratings of other time points are ignored)
     * @throws IllegalArgumentException when a correction names a rating that is not given, or one of
     *     another instrument or time point
     */
    public static Optional<Rating> of(String instrumentId, String timePointId, Collection<Rating> ratings) {
        List<Rating> here = ratings.stream()
                .filter(r -> r.instrumentId().equals(instrumentId) && r.timePointId().equals(timePointId))
                .toList();
        Map<String, Rating> byId = ratings.stream()
                .collect(Collectors.toMap(Rating::id, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two ratings share the id " + a.id());
                }));
        for (Rating r : here) {
            if (r.isCorrection()) {
                requireSameSlot(r, byId.get(r.correction().originalRatingId()));
            }
        }
        Set<String> replaced = here.stream().filter(Rating::isCorrection)
                .map(r -> r.correction().originalRatingId()).collect(Collectors.toSet());
        return here.stream().filter(r -> !replaced.contains(r.id()))
                .max(Comparator.comparing(Rating::finishedAt));
    }

    /**
     * Which rating replaces which: original rating id -> id of the correction naming it (the later one when two do).
     * A rating absent from the keys is in effect.
     */
    public static Map<String, String> supersededBy(Collection<Rating> ratings) {
        Map<String, String> out = new HashMap<>();
        ratings.stream().filter(Rating::isCorrection).forEach(r -> out.put(r.correction().originalRatingId(), r.id()));
        return out;
    }

    private static void requireSameSlot(Rating correction, Rating original) {
        String name = correction.correction().originalRatingId();
        if (original == null) {
            throw new IllegalArgumentException("correction " + correction.id() + " names unknown rating " + name);
        }
        if (!original.instrumentId().equals(correction.instrumentId())
                || !original.timePointId().equals(correction.timePointId())) {
            throw new IllegalArgumentException("correction " + correction.id() + " and original " + name
                    + " differ in instrument or time point");
        }
    }
}
