package org.openinfusion.station.clinical.rating;

import java.util.List;

/** A rating does not fit its instrument; {@link #problems()} name each item concerned. */
public final class InvalidRatingException extends IllegalArgumentException {
    private final transient List<String> problems;

    public InvalidRatingException(String ratingId, List<String> problems) {
        super("rating " + ratingId + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
