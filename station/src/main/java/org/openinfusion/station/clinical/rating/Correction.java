package org.openinfusion.station.clinical.rating;

import java.util.Objects;

/** Marks a rating as the correction of an earlier one; the original is kept, never overwritten. */
public record Correction(String originalRatingId, String reason) {
    public Correction {
        Objects.requireNonNull(originalRatingId, "originalRatingId");
        Objects.requireNonNull(reason, "reason");
        if (originalRatingId.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("a correction names the original rating and gives a reason");
        }
    }
}
