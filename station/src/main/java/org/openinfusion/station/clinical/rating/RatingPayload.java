package org.openinfusion.station.clinical.rating;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit payload of a rating and its station score: the one format of {@code rating.recorded} and
 * {@code rating.corrected} entries (docs/audit.md), whether written at the bedside or as an amendment in review.
 * Answers are item id -> score, or the text "not assessed: reason". Pure.
 */
public final class RatingPayload {
    public static final String NOT_ASSESSED = "not assessed: ";

    private RatingPayload() {
    }

    /**
     * Reads one recorded answer back: a number is a score; text is "not assessed" with the reason after the
     * {@link #NOT_ASSESSED} prefix (the whole text when the prefix is missing).
     */
    public static Answer answer(Object recorded) {
        if (recorded instanceof Number n) {
            return Answer.score(n.intValue());
        }
        String s = String.valueOf(recorded);
        return Answer.notAssessed(s.startsWith(NOT_ASSESSED) ? s.substring(NOT_ASSESSED.length()) : s);
    }

    public static Map<String, Object> of(Rating r, Score score) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ratingId", r.id());
        p.put("timePoint", r.timePointId());
        p.put("instrument", r.instrumentId());
        p.put("shortForm", r.shortFormId());
        p.put("raterRole", r.raterRole());
        p.put("startedAt", r.startedAt().toString());
        p.put("finishedAt", r.finishedAt().toString());
        Map<String, Object> answers = new LinkedHashMap<>();
        r.answers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> answers.put(e.getKey(),
                e.getValue() instanceof Answer.Scored s ? (Object) s.value() : NOT_ASSESSED + ((Answer.NotAssessed) e.getValue()).reason()));
        p.put("answers", answers);
        p.put("total", score.total().isPresent() ? score.total().getAsInt() : null);
        p.put("complete", score.complete());
        p.put("notAssessed", score.notAssessed());
        p.put("summary", score.summary());
        if (r.isCorrection()) {
            p.put("corrects", r.correction().originalRatingId());
            p.put("reason", r.correction().reason());
        }
        return p;
    }
}
