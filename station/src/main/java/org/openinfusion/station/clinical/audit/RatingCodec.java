package org.openinfusion.station.clinical.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;

/** The written form of a rating and of a correction of one, whether entered at the bedside or as an amendment in review. */
final class RatingCodec {
    static final String NOT_ASSESSED = "not assessed: ";
    private static final String RATING = "rating.recorded";
    private static final String CORRECTION = "rating.corrected";
    private static final String PART = "rating.part_answered";

    private RatingCodec() {
    }

    /** Answers are item id -> score, or the text "not assessed: reason", in item id order. */
    static EventCodec.Encoded encode(TrailEvent.RatingEntered e) {
        Rating r = e.rating();
        Map<String, Object> p = fields(r);
        p.put("total", e.score().total());
        p.put("complete", e.score().complete());
        p.put("notAssessed", e.score().notAssessed());
        p.put("summary", e.score().summary());
        if (r.isCorrection()) {
            p.put("corrects", r.correction().originalRatingId());
            p.put("reason", r.correction().reason());
        }
        if (e.amendment()) {
            p.put("amendment", true);
        }
        if (e.rater() != null) {
            p.put("rater", e.rater().name().toLowerCase(Locale.ROOT));
        }
        if (!e.itemRaters().isEmpty()) {
            Map<String, Object> raters = new LinkedHashMap<>();
            e.itemRaters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(x -> raters.put(x.getKey(), x.getValue().name().toLowerCase(Locale.ROOT)));
            p.put("itemRaters", raters);
        }
        return new EventCodec.Encoded(r.isCorrection() ? CORRECTION : RATING, p);
    }

    /** A rating's own fields and its answers, in the order both events write them. */
    private static Map<String, Object> fields(Rating r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ratingId", r.id());
        p.put("timePoint", r.timePointId());
        p.put("instrument", r.instrumentId());
        p.put("shortForm", r.shortFormId());
        p.put("raterRole", r.raterRole());
        p.put("startedAt", r.startedAt().toString());
        p.put("finishedAt", r.finishedAt().toString());
        p.put("answers", written(r.answers()));
        return p;
    }

    /** The subject's part of a rating, answered on the tablet: the rating's fields and the answers given, no score. */
    static EventCodec.Encoded encode(TrailEvent.RatingPartAnswered e) {
        Rating r = e.part();
        Map<String, Object> p = fields(r);
        p.put("rater", Rater.SUBJECT.name().toLowerCase(Locale.ROOT));
        return new EventCodec.Encoded(PART, p);
    }

    private static Map<String, Object> written(Map<String, Answer> given) {
        Map<String, Object> answers = new LinkedHashMap<>();
        given.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a -> answers.put(a.getKey(),
                switch (a.getValue()) {
                    case Answer.Scored s -> s.value();
                    case Answer.NotAssessed n -> NOT_ASSESSED + n.reason();
                }));
        return answers;
    }

    /** The rating of a {@code rating.*} entry, or null for another rating type. */
    static TrailEvent decode(PayloadReader p, String actor) {
        if (!p.type().equals(RATING) && !p.type().equals(CORRECTION) && !p.type().equals(PART)) {
            return null;
        }
        Map<String, Answer> answers = new HashMap<>();
        p.map("answers").forEach((item, value) -> answers.put(String.valueOf(item), answer(value)));
        if (p.type().equals(PART)) {
            return new TrailEvent.RatingPartAnswered(new Rating(p.required("ratingId"), p.required("instrument"), p.text("shortForm"),
                    p.required("timePoint"), p.required("raterRole"), actor, p.instant("startedAt"), p.instant("finishedAt"), answers, null));
        }
        String corrects = p.text("corrects");
        Rating r = new Rating(p.required("ratingId"), p.required("instrument"), p.text("shortForm"), p.required("timePoint"),
                p.required("raterRole"), actor, p.instant("startedAt"), p.instant("finishedAt"), answers,
                corrects == null ? null : new Correction(corrects, p.required("reason")));
        Integer total = p.payload().get("total") instanceof Number n ? n.intValue() : null;
        Object notAssessed = p.payload().get("notAssessed");
        return new TrailEvent.RatingEntered(r, new TrailEvent.RatingScore(total, p.flag("complete"),
                notAssessed instanceof Number n ? n.intValue() : 0, p.text("summary")), p.flag("amendment"), rater(p.text("rater")), itemRaters(p));
    }

    private static Map<String, Rater> itemRaters(PayloadReader p) {
        if (!(p.payload().get("itemRaters") instanceof Map<?, ?>)) {
            return Map.of();
        }
        Map<String, Rater> raters = new HashMap<>();
        p.map("itemRaters").forEach((item, who) -> raters.put(String.valueOf(item), rater(String.valueOf(who))));
        return raters;
    }

    /** Absent in entries staff keyed in (and in every trail older than the patient tablet). */
    private static Rater rater(String written) {
        return written == null ? null : Rater.valueOf(written.toUpperCase(Locale.ROOT));
    }

    /** A written answer: a number is a score; text is "not assessed" with the reason after the prefix. */
    private static Answer answer(Object written) {
        if (written instanceof Number n) {
            return Answer.score(n.intValue());
        }
        String s = String.valueOf(written);
        return Answer.notAssessed(s.startsWith(NOT_ASSESSED) ? s.substring(NOT_ASSESSED.length()) : s);
    }
}
