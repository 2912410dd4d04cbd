package org.openinfusion.station.clinical.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the trail says about one subject in one protocol: enrolment (the consent day), each period's infusion (the
 * dosed sessions, in order), the rating visits started, completed or missed, and the ratings taken at them and at the
 * infusion sessions. The input of {@link SubjectTimeline}. Holds a study code only.
 */
public record SubjectFacts(String subject, String protocolId, LocalDate consentDay, List<Infusion> infusions, List<VisitRecord> visits,
                           List<Missed> missed, List<MeasuredRating> ratings) {
    public SubjectFacts {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(consentDay, "consentDay");
        infusions = List.copyOf(infusions);
        visits = List.copyOf(visits);
        missed = List.copyOf(missed);
        ratings = List.copyOf(ratings);
    }

    /** A dosed infusion session: period n is the subject's n-th. */
    public record Infusion(int period, String sessionId, Instant infusionStart) {
    }

    /**
     * A rating visit as started (and completed) by staff.
     *
     * @param plannedVisitId the schedule's visit, or null for an unscheduled visit
     * @param unscheduledReason why an unscheduled visit was held; null for a planned one
     */
    public record VisitRecord(String visitSessionId, String plannedVisitId, int period, Instant startedAt, Instant completedAt,
                              String unscheduledReason) {
        public boolean unscheduled() {
            return plannedVisitId == null;
        }
    }

    /** A planned visit marked missed, with the reason. */
    public record Missed(String plannedVisitId, int period, Instant at, String reason) {
    }

    /**
     * An effective rating (no correction replaces it) with the measures it gives: its instrument's total and each
     * subscale total, complete ones only (an incomplete rating is not compared).
     *
     * @param visitSessionId the rating visit's id, or the infusion session's id
     * @param timePoint the session time point (infusion visit) or the visit id (rating visit)
     */
    public record MeasuredRating(String ratingId, String visitSessionId, String timePoint, String instrumentId, Instant finishedAt,
                                 Map<String, Integer> measures) {
        public MeasuredRating {
            measures = Map.copyOf(measures);
        }
    }
}
