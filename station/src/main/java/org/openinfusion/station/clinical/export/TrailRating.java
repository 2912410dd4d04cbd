package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.RatingPayload;

/**
 * A rating as the audit trail holds it ({@code rating.recorded} or {@code rating.corrected}, payload written by the
 * station's rating recorder): every answer, the station's total and, for a correction, the rating it replaces.
 *
 * @param total the station's total, null when the instrument has none
 * @param amendment a correction made in review after the session closed (payload {@code amendment: true}, or named
 *     as {@code correctionId} by a {@code record.amended} entry)
 */
record TrailRating(AuditEntry entry, String ratingId, String timePoint, String instrument, String shortForm,
                   String raterRole, Instant startedAt, Instant finishedAt, Map<String, Answer> answers, Integer total,
                   boolean complete, String corrects, String reason, boolean amendment) {
    static boolean isRating(AuditEntry e) {
        return e.type().equals("rating.recorded") || e.type().equals("rating.corrected");
    }

    static TrailRating of(AuditEntry e, Set<String> amendedIds) {
        Map<String, Object> p = e.payload();
        String id = Payloads.text(p, "ratingId");
        if (id == null) {
            throw new IllegalArgumentException("audit entry " + e.seq() + " (" + e.type() + ") names no ratingId");
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (p.get("answers") instanceof Map<?, ?> given) {
            given.forEach((item, value) -> answers.put(String.valueOf(item), RatingPayload.answer(value)));
        }
        Integer total = p.get("total") instanceof Number n ? n.intValue() : null;
        return new TrailRating(e, id, Payloads.text(p, "timePoint"), Payloads.text(p, "instrument"),
                Payloads.text(p, "shortForm"), Payloads.text(p, "raterRole"),
                Payloads.instant(p, "startedAt").orElse(e.time()), Payloads.instant(p, "finishedAt").orElse(e.time()),
                Map.copyOf(answers), total, Payloads.flag(p, "complete"), Payloads.text(p, "corrects"),
                Payloads.text(p, "reason"), Payloads.flag(p, "amendment") || amendedIds.contains(id));
    }


    /** The form the rating used: its short form id, or the instrument id for the full form. */
    String form() {
        return shortForm == null ? instrument : shortForm;
    }

    /**
     * The ratings that count: every rating no correction replaces (a correction stands in for what it corrects, a
     * correction of a correction for both), ordered by finishing time.
     */
    static List<TrailRating> effective(Collection<TrailRating> ratings) {
        Set<String> replaced = ratings.stream().map(TrailRating::corrects).filter(Objects::nonNull).collect(Collectors.toSet());
        return ratings.stream().filter(r -> !replaced.contains(r.ratingId()))
                .sorted(Comparator.comparing(TrailRating::finishedAt).thenComparingLong(r -> r.entry().seq()))
                .toList();
    }
}
