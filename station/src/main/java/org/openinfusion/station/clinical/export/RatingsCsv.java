package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.clinical.audit.AuditEntry;

/**
 * The ratings of sessions in long format: one row per item answer, from the audit trail. A rating
 * later corrected stays, marked with the id of the rating that supersedes it (nothing is overwritten).
 */
public final class RatingsCsv {
    static final List<String> COLUMNS = List.of("session_id", "subject_code", "protocol", "protocol_version", "time_point",
            "instrument", "short_form", "rating_id", "rater_role", "rater", "finished_at", "item", "value",
            "not_assessed_reason", "total", "complete", "corrects", "correction_reason", "superseded_by");

    private RatingsCsv() {
    }

    public static String write(List<AuditEntry> entries) {
        Map<String, AuditEntry> created = new HashMap<>();
        Map<String, String> supersededBy = new HashMap<>();
        for (AuditEntry e : entries) {
            if (e.type().equals("session.created")) {
                created.put(e.sessionId(), e);
            }
            if (e.type().equals("rating.corrected")) {
                supersededBy.put(String.valueOf(e.payload().get("corrects")), String.valueOf(e.payload().get("ratingId")));
            }
        }
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (AuditEntry e : entries) {
            if (e.type().equals("rating.recorded") || e.type().equals("rating.corrected")) {
                rows(e, created.get(e.sessionId()), supersededBy, out);
            }
        }
        return out.toString();
    }

    private static void rows(AuditEntry e, AuditEntry session, Map<String, String> supersededBy, StringBuilder out) {
        Map<String, Object> p = e.payload();
        Map<?, ?> answers = (Map<?, ?>) p.get("answers");
        for (Map.Entry<?, ?> a : answers.entrySet()) {
            String answer = String.valueOf(a.getValue());
            boolean notAssessed = answer.startsWith("not assessed: ");
            List<Object> row = new ArrayList<>(List.of(e.sessionId(), field(session, "subjectCode"), field(session, "protocol"),
                    field(session, "protocolVersion"), p.get("timePoint"), p.get("instrument"), orEmpty(p.get("shortForm")),
                    p.get("ratingId"), p.get("raterRole"), e.actor(), p.get("finishedAt"), a.getKey(),
                    notAssessed ? "" : answer, notAssessed ? answer.substring("not assessed: ".length()) : "",
                    orEmpty(p.get("total")), p.get("complete"), orEmpty(p.get("corrects")), orEmpty(p.get("reason")),
                    supersededBy.getOrDefault(String.valueOf(p.get("ratingId")), "")));
            out.append(String.join(",", row.stream().map(RatingsCsv::cell).toList())).append("\r\n");
        }
    }

    private static Object field(AuditEntry session, String key) {
        return session == null ? "" : orEmpty(session.payload().get(key));
    }

    private static Object orEmpty(Object o) {
        return o == null ? "" : o;
    }

    /** RFC 4180 quoting. */
    static String cell(Object value) {
        String s = String.valueOf(value);
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
