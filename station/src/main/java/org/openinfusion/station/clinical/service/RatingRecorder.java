package org.openinfusion.station.clinical.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.FormKey;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.InstrumentCatalog;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.RatingCheck;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.rating.Scorer;
import org.openinfusion.station.clinical.session.Session;

/** Checks a rating against its instrument and the session's protocol, scores it, and builds its audit payload. */
final class RatingRecorder {
    private final InstrumentCatalog instruments;

    RatingRecorder(InstrumentCatalog instruments) {
        this.instruments = instruments;
    }

    record Checked(FormKey form, Score score, AuditPayloads.Entry entry) {
    }

    Checked check(Session session, Rating r) {
        FormKey form = new FormKey(r.instrumentId(), r.shortFormId());
        var timePoint = session.protocol().timePoint(r.timePointId())
                .orElseThrow(() -> new IllegalArgumentException("no time point '" + r.timePointId() + "' in " + session.protocol().id()));
        if (!timePoint.instruments().contains(form.key())) {
            throw new IllegalArgumentException("time point " + r.timePointId() + " asks for " + timePoint.instruments() + ", not " + form.key());
        }
        Instrument instrument = instruments.get(r.instrumentId());
        RatingCheck.requireValid(instrument, r);
        Score score = Scorer.score(instrument, r);
        return new Checked(form, score, entry(r, score));
    }

    private static AuditPayloads.Entry entry(Rating r, Score score) {
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
                e.getValue() instanceof Answer.Scored s ? (Object) s.value() : "not assessed: " + ((Answer.NotAssessed) e.getValue()).reason()));
        p.put("answers", answers);
        p.put("total", score.total().isPresent() ? score.total().getAsInt() : null);
        p.put("complete", score.complete());
        p.put("notAssessed", score.notAssessed());
        p.put("summary", score.summary());
        if (r.isCorrection()) {
            p.put("corrects", r.correction().originalRatingId());
            p.put("reason", r.correction().reason());
            return new AuditPayloads.Entry("rating.corrected", r.raterUserId(), p);
        }
        return new AuditPayloads.Entry("rating.recorded", r.raterUserId(), p);
    }
}
