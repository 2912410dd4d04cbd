package org.openinfusion.station.clinical.rating;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One completed administration of an instrument at a time point. Totals are never typed in: the
 * station computes them ({@link Scorer}). Checked against its instrument by {@link RatingCheck}.
 *
 * @param shortFormId null for the full form, else e.g. "cadss6"
 * @param raterRole the role of the person entering the rating, e.g. "nurse", "research_rater"
 * @param correction null for an original rating; set when this rating corrects an earlier one
 */
public record Rating(String id, String instrumentId, String shortFormId, String timePointId, String raterRole,
                     String raterUserId, Instant startedAt, Instant finishedAt, Map<String, Answer> answers,
                     Correction correction) {

    public Rating {
        requireText(id, "id");
        requireText(instrumentId, "instrumentId");
        requireText(timePointId, "timePointId");
        requireText(raterRole, "raterRole");
        requireText(raterUserId, "raterUserId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (shortFormId != null && shortFormId.isBlank()) {
            throw new IllegalArgumentException("shortFormId is null (full form) or names a short form");
        }
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("rating " + id + " finished before it started");
        }
        answers.forEach((item, answer) -> Objects.requireNonNull(answer, "answer to item " + item));
        answers = Map.copyOf(answers);
        if (correction != null && correction.originalRatingId().equals(id)) {
            throw new IllegalArgumentException("rating " + id + " cannot correct itself");
        }
    }

    public boolean isCorrection() {
        return correction != null;
    }

    /** A new rating of the same instrument, form and time point that corrects this one. */
    public Rating correctedBy(String newId, String raterRole, String raterUserId, Instant startedAt,
                              Instant finishedAt, Map<String, Answer> answers, String reason) {
        return new Rating(newId, instrumentId, shortFormId, timePointId, raterRole, raterUserId, startedAt,
                finishedAt, answers, new Correction(id, reason));
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
