package org.openinfusion.station.clinical.export;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.EffectiveRating;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.session.SessionEvent;

/**
 * The ratings of sessions in long format: one row per item answer, from the audit history. A rating
 * later corrected stays, marked with the id of the rating that supersedes it (nothing is overwritten).
 * {@code amendment} is true for a correction made in review, after the session closed (marked so when recorded,
 * or named by an amendment as the correction it made).
 */
public final class RatingsCsv {
    static final List<String> COLUMNS = List.of("session_id", "subject_code", "protocol", "protocol_version", "time_point",
            "instrument", "short_form", "rating_id", "rater_role", "rater", "finished_at", "item", "value",
            "not_assessed_reason", "total", "complete", "corrects", "correction_reason", "superseded_by", "amendment");

    /** Items in their numeric order (1, 2, ..., 10), ids that are not numbers after them in text order. */
    static final Comparator<Map.Entry<?, ?>> ITEM_ORDER = Comparator.comparing((Map.Entry<?, ?> a) -> String.valueOf(a.getKey()),
            Comparator.comparing((String k) -> !k.matches("\\d{1,9}"))
                    .thenComparingInt(k -> k.matches("\\d{1,9}") ? Integer.parseInt(k) : 0)
                    .thenComparing(Comparator.naturalOrder()));

    private RatingsCsv() {
    }

    /** The rows of the rating entries among {@code entries}; their sessions' facts come from {@code history}. */
    static String write(List<Recorded> entries, AuditHistory history) {
        List<TrailEvent.RatingEntered> ratings = entries.stream().map(r -> r.as(TrailEvent.RatingEntered.class))
                .flatMap(Optional::stream).toList();
        Map<String, String> supersededBy = EffectiveRating.supersededBy(ratings.stream().map(TrailEvent.RatingEntered::rating).toList());
        Set<String> amended = new HashSet<>();
        entries.stream().map(r -> r.as(TrailEvent.RecordAmended.class)).flatMap(Optional::stream)
                .forEach(a -> {
                    if (a.change() instanceof TrailEvent.RatingReplaced r) {
                        amended.add(r.correctionId());
                    }
                });
        Csv csv = new Csv(COLUMNS);
        for (Recorded e : entries) {
            if (e.event() instanceof TrailEvent.RatingEntered r) {
                SessionEvent.Created session = history.session(e.session()).map(SessionHistory::created).orElse(null);
                rows(e, r, session, supersededBy, amended, csv);
            }
        }
        return csv.toString();
    }

    private static void rows(Recorded e, TrailEvent.RatingEntered entered, SessionEvent.Created session, Map<String, String> supersededBy,
                             Set<String> amended, Csv csv) {
        Rating r = entered.rating();
        boolean amendment = entered.amendment() || amended.contains(r.id());
        for (Map.Entry<String, Answer> a : r.answers().entrySet().stream().sorted(ITEM_ORDER).toList()) {
            String value = a.getValue() instanceof Answer.Scored s ? String.valueOf(s.value()) : "";
            String reason = a.getValue() instanceof Answer.NotAssessed n ? n.reason() : "";
            csv.row(e.session(), session == null ? null : session.subjectCode(), session == null ? null : session.protocolId(),
                    session == null ? null : session.protocolVersion(), r.timePointId(), r.instrumentId(), r.shortFormId(), r.id(),
                    r.raterRole(), e.actor(), r.finishedAt(), a.getKey(), value, reason, entered.score().total(),
                    entered.score().complete(), r.isCorrection() ? r.correction().originalRatingId() : null,
                    r.isCorrection() ? r.correction().reason() : null, supersededBy.getOrDefault(r.id(), ""), amendment);
        }
    }

    /** RFC 4180 quoting. */
    static String cell(Object value) {
        return Csv.cell(value);
    }
}
