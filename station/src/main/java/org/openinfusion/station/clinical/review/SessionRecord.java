package org.openinfusion.station.clinical.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.openinfusion.station.clinical.protocol.AeTerm;
import org.openinfusion.station.clinical.session.DischargeCheck;
import org.openinfusion.station.domain.Stream;

/**
 * Everything the review page shows of one session, built from the verified audit trail (events, ratings,
 * signatures, amendments) and the time-series store (trends). Never holds an arm. Times are UTC instants;
 * {@code infusionStart} (null if never started) is the zero of the timeline. {@code storeProblem} is non-null when
 * the trends could not be read (the record is still shown without them). {@code adverseEventTerms}: the session
 * protocol's expected adverse event terms with their sources (offered when an adverse event is added in review; empty
 * when this station has no file for the protocol).
 */
public record SessionRecord(SessionListing listing, double weightKg, String kitId, Plan plan, Instant infusionStart,
                            Instant end, Summary summary, List<Trend> trends, List<TimelineEvent> events,
                            List<RatingRecord> ratings, List<Signature> signatures, List<Amendment> amendments,
                            String storeProblem, long lastSeq, List<AeTerm> adverseEventTerms) {
    public SessionRecord {
        adverseEventTerms = adverseEventTerms == null ? List.of() : List.copyOf(adverseEventTerms);
        trends = List.copyOf(trends);
        events = List.copyOf(events);
        ratings = List.copyOf(ratings);
        signatures = List.copyOf(signatures);
        amendments = List.copyOf(amendments);
    }

    /** A record whose protocol names no expected adverse event terms. */
    public SessionRecord(SessionListing listing, double weightKg, String kitId, Plan plan, Instant infusionStart, Instant end,
                         Summary summary, List<Trend> trends, List<TimelineEvent> events, List<RatingRecord> ratings,
                         List<Signature> signatures, List<Amendment> amendments, String storeProblem, long lastSeq) {
        this(listing, weightKg, kitId, plan, infusionStart, end, summary, trends, events, ratings, signatures, amendments,
                storeProblem, lastSeq, List.of());
    }

    /** A record without the sequence number of its last entry (a signature made on it is not bound to it). */
    public SessionRecord(SessionListing listing, double weightKg, String kitId, Plan plan, Instant infusionStart, Instant end,
                         Summary summary, List<Trend> trends, List<TimelineEvent> events, List<RatingRecord> ratings,
                         List<Signature> signatures, List<Amendment> amendments, String storeProblem) {
        this(listing, weightKg, kitId, plan, infusionStart, end, summary, trends, events, ratings, signatures, amendments,
                storeProblem, 0);
    }

    /** The infusion plan (volume and rate are the same for every arm, so they do not unblind). */
    public record Plan(double volumeMl, double rateMlPerHour, double durationMinutes) {
    }

    /** One stream's values over the session, in time order ({@code times[i]} in epoch milliseconds). */
    public record Trend(Stream stream, long[] times, double[] values) {
    }

    /**
     * Something that happened, placed on the timeline. {@code auditSeq} links to the audit entry. {@code unmet}: for a
     * discharge override, the criteria it overrode as data (kind, vital sign, the time points they name), for a screen to
     * word them itself; empty for every other event and for an override written before they were kept as data (then
     * {@code detail} holds the station's words).
     */
    public record TimelineEvent(Instant at, Category category, String title, String detail, String actor, long auditSeq,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DischargeCheck.Criterion> unmet) {
        public TimelineEvent {
            unmet = unmet == null ? List.of() : List.copyOf(unmet);
        }

        public TimelineEvent(Instant at, Category category, String title, String detail, String actor, long auditSeq) {
            this(at, category, title, detail, actor, auditSeq, List.of());
        }
    }

    public enum Category { SESSION, INFUSION, DEVIATION, ALARM_RAISED, ALARM_ACKNOWLEDGED, ALARM_OTHER, MARKER, NOTE, PROMPT,
        RATING, SIGNATURE, AMENDMENT, ADVERSE_EVENT, MEDICATION }

    /**
     * A rating with its items. {@code supersededBy} is the id of the rating that corrected it (null if none);
     * {@code corrects}/{@code reason} are set on a correction; {@code amendment} marks a correction made in review.
     */
    public record RatingRecord(String ratingId, String timePoint, String instrumentId, String form, Instant finishedAt,
                               Integer total, String summary, String rater, String raterRole, String supersededBy,
                               String corrects, String reason, boolean amendment, List<ItemRow> items) {
        public RatingRecord {
            items = List.copyOf(items);
        }
    }

    /** One item's answer: a value, or null with the reason it was not assessed. Label is the placeholder/site wording. */
    public record ItemRow(String itemId, String label, Integer value, String notAssessedReason) {
    }

    /** A change made to a closed record, with its reason. */
    public record Amendment(String userId, Instant at, String reason, String kind, String detail, long auditSeq) {
    }

    /**
     * The session summary, in the spirit of the esketamine monitoring form. Any field may be null when the data
     * are missing (e.g. no cuff reading near 40 minutes).
     */
    public record Summary(BloodPressure preDose, BloodPressure at40Minutes, BloodPressure atEnd, Integer peakDissociation,
                          String peakDissociationForm, String peakDissociationTimePoint, Integer lowestSedationScore,
                          Long minutesMonitored, Instant readyForDischarge, Long minutesToReadyFromInfusionStart,
                          int alarmsRaised, int adverseEvents, int deviations) {
    }

    /** A cuff reading used by the summary. */
    public record BloodPressure(Instant at, double systolic, double diastolic) {
    }
}
