package org.openinfusion.station.clinical.service;

import org.openinfusion.station.clinical.history.TrailEvent;
import java.util.Map;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.RatingCheck;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.rating.Scorer;
import org.openinfusion.station.clinical.rating.SubjectPart;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.Session;

/** Checks a rating against its instrument and the session's protocol, scores it, and gives the event to record. */
final class RatingRecorder {
    private final InstrumentCatalog instruments;

    RatingRecorder(InstrumentCatalog instruments) {
        this.instruments = instruments;
    }

    record Checked(FormKey form, Score score, TrailEvent.RatingEntered entry) {
    }

    Checked check(Session session, Rating r) {
        return check(session, r, null);
    }

    /** {@code rater}: {@link Rater#SUBJECT} for answers the subject gave on the patient tablet, null when staff entered them. */
    Checked check(Session session, Rating r, Rater rater) {
        return check(session, r, rater, Map.of());
    }

    /** As above; {@code itemRaters}: who answered each item when staff complete a subject's part (empty otherwise). */
    Checked check(Session session, Rating r, Rater rater, Map<String, Rater> itemRaters) {
        FormKey form = asked(session, r);
        Instrument instrument = instruments.get(r.instrumentId());
        RatingCheck.requireValid(instrument, r);
        Score score = Scorer.score(instrument, r);
        return new Checked(form, score, new TrailEvent.RatingEntered(r, TrailEvent.RatingScore.of(score), false, rater, itemRaters));
    }

    /** The subject's part of a form staff complete (CADSS 1-19 from the tablet): asked at its time point, exactly its items. */
    TrailEvent.RatingPartAnswered checkPart(Session session, Rating part) {
        asked(session, part);
        SubjectPart.requireExactly(instruments.get(part.instrumentId()), part);
        return new TrailEvent.RatingPartAnswered(part);
    }

    private static FormKey asked(Session session, Rating r) {
        FormKey form = new FormKey(r.instrumentId(), r.shortFormId());
        var timePoint = session.protocol().timePoint(r.timePointId())
                .orElseThrow(() -> new IllegalArgumentException("no time point '" + r.timePointId() + "' in " + session.protocol().id()));
        if (!timePoint.instruments().contains(form.key())) {
            throw new IllegalArgumentException("time point " + r.timePointId() + " asks for " + timePoint.instruments() + ", not " + form.key());
        }
        return form;
    }

}
