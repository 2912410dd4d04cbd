package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.clinical.history.RatingEntry;
import org.openinfusion.station.clinical.rating.Answer;

/** A rating or correction as the exports read it: every answer, and the station's total. */
record TrailRating(RatingEntry entry) {
    String ratingId() {
        return entry.id();
    }

    String timePoint() {
        return entry.rating().timePointId();
    }

    String instrument() {
        return entry.rating().instrumentId();
    }

    String shortForm() {
        return entry.rating().shortFormId();
    }

    String raterRole() {
        return entry.rating().raterRole();
    }

    Instant finishedAt() {
        return entry.rating().finishedAt();
    }

    Map<String, Answer> answers() {
        return entry.rating().answers();
    }

    /** The station's total, null when the instrument has none. */
    Integer total() {
        return entry.score().total();
    }

    /** The form the rating used: its short form id, or the instrument id for the full form. */
    String form() {
        return shortForm() == null ? instrument() : shortForm();
    }

    /**
     * The ratings that count: every rating no correction replaces (a correction stands in for what it corrects, a
     * correction of a correction for both), ordered by finishing time.
     */
    static List<TrailRating> effective(Collection<TrailRating> ratings) {
        return ratings.stream().filter(r -> r.entry.supersededBy() == null)
                .sorted(Comparator.comparing(TrailRating::finishedAt).thenComparingLong(r -> r.entry.entry().seq()))
                .toList();
    }
}
