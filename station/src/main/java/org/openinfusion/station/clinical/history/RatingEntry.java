package org.openinfusion.station.clinical.history;

import org.openinfusion.station.clinical.rating.Rating;

/**
 * A rating or correction as the session's history holds it.
 *
 * @param amendedInReview a correction made in review: marked so in its entry, or named by an amendment
 * @param supersededBy the id of the correction that replaces it, or null while it is in effect
 */
public record RatingEntry(Recorded entry, TrailEvent.RatingEntered entered, boolean amendedInReview, String supersededBy) {
    public Rating rating() {
        return entered.rating();
    }

    public TrailEvent.RatingScore score() {
        return entered.score();
    }

    public String id() {
        return entered.rating().id();
    }
}
