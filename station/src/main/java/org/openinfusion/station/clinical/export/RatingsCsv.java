package org.openinfusion.station.clinical.export;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.rating.RatingPayload;

/**
 * The ratings of sessions in long format: one row per item answer, from the audit trail. A rating
 * later corrected stays, marked with the id of the rating that supersedes it (nothing is overwritten).
 * {@code amendment} is true for a correction made in review, after the session closed (its payload says
 * {@code amendment: true}, or a {@code record.amended} entry names it as its {@code correctionId}).
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

    public static String write(List<AuditEntry> entries) {
        Map<String, AuditEntry> created = new HashMap<>();
        Map<String, String> supersededBy = new HashMap<>();
        Set<String> amended = new HashSet<>();
        for (AuditEntry e : entries) {
            if (e.type().equals("session.created")) {
                created.put(e.sessionId(), e);
            }
            if (e.type().equals("rating.corrected")) {
                supersededBy.put(String.valueOf(e.payload().get("corrects")), String.valueOf(e.payload().get("ratingId")));
            }
            Trail.amendingRating(e).ifPresent(amended::add);
        }
        Csv csv = new Csv(COLUMNS);
        for (AuditEntry e : entries) {
            if (TrailRating.isRating(e)) {
                rows(e, created.get(e.sessionId()), supersededBy, amended, csv);
            }
        }
        return csv.toString();
    }

    private static void rows(AuditEntry e, AuditEntry session, Map<String, String> supersededBy, Set<String> amended, Csv csv) {
        Map<String, Object> p = e.payload();
        Map<?, ?> answers = p.get("answers") instanceof Map<?, ?> m ? m : Map.of();
        String ratingId = String.valueOf(p.get("ratingId"));
        boolean amendment = Payloads.flag(p, "amendment") || amended.contains(ratingId);
        for (Map.Entry<?, ?> a : answers.entrySet().stream().sorted(ITEM_ORDER).toList()) {
            String answer = String.valueOf(a.getValue());
            boolean notAssessed = answer.startsWith(RatingPayload.NOT_ASSESSED);
            csv.row(e.sessionId(), field(session, "subjectCode"), field(session, "protocol"), field(session, "protocolVersion"),
                    p.get("timePoint"), p.get("instrument"), p.get("shortForm"), ratingId, p.get("raterRole"), e.actor(),
                    p.get("finishedAt"), a.getKey(), notAssessed ? "" : answer,
                    notAssessed ? answer.substring(RatingPayload.NOT_ASSESSED.length()) : "", p.get("total"), p.get("complete"),
                    p.get("corrects"), p.get("reason"), supersededBy.getOrDefault(ratingId, ""), amendment);
        }
    }

    private static Object field(AuditEntry session, String key) {
        return session == null ? null : session.payload().get(key);
    }

    /** RFC 4180 quoting. */
    static String cell(Object value) {
        return Csv.cell(value);
    }
}
