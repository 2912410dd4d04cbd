package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.openinfusion.station.clinical.history.RatingEntry;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.RatingCheck;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.rating.Scorer;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.security.Principal;

/**
 * The rules of a review amendment, the only way to change a closed record: always with a reason; a NOTE adds text
 * as a late entry; an ADVERSE_EVENT records an adverse event (new, or a later version by its id) noticed after closing; a RATING replaces the answers of the rating in effect, checked and scored by the same rules as
 * at the bedside ({@link RatingCheck}, {@link Scorer}) and recorded as a correction marked as an
 * amendment (so exports pick it up), followed by the amendment itself. Pure: returns the events to record, in order.
 */
public final class Amendments {
    static final int MAX_NOTE = 2000;
    private static final String NOT_ASSESSED = "not assessed:";

    private final InstrumentCatalog instruments;

    public Amendments(InstrumentCatalog instruments) {
        this.instruments = instruments;
    }

    /**
     * @param correctionId the id the corrected rating gets (a RATING amendment)
     * @return the events to record, in order
     * @throws ReviewException 409 when the session is open or the rating was already corrected, 400 when the
     *     request does not fit (no text, unknown rating, answers that do not fit the instrument)
     */
    public List<TrailEvent> plan(SessionEntries s, ReviewRequest.Amend a, Principal who, Instant now, String correctionId) {
        if (!s.closed()) {
            throw ReviewException.conflict("Session " + s.sessionId() + " is still open on bed " + s.bed()
                    + ": change it at the bedside; amendments are for closed records.");
        }
        String reason = a.reason().strip();
        if (a.kind() == ReviewRequest.AmendmentKind.NOTE) {
            String text = a.text() == null ? "" : a.text().strip();
            if (text.isEmpty() || text.length() > MAX_NOTE) {
                throw ReviewException.badRequest("A note amendment needs text (at most " + MAX_NOTE + " characters).");
            }
            return List.of(new TrailEvent.RecordAmended(now, reason, new TrailEvent.NoteAdded(text)));
        }
        if (a.kind() == ReviewRequest.AmendmentKind.ADVERSE_EVENT) {
            AdverseEvent e = a.adverseEvent();
            if (e == null) {
                throw ReviewException.badRequest("An adverse event amendment needs the adverse event.");
            }
            if (e.start().isAfter(now) || e.end().filter(end -> end.isAfter(now)).isPresent()) {
                throw ReviewException.badRequest("An adverse event cannot start or end in the future.");
            }
            return List.of(new TrailEvent.AdverseEventRecorded(now, e),
                    new TrailEvent.RecordAmended(now, reason, new TrailEvent.AdverseEventAdded(e.id())));
        }
        Rating original = ratingInEffect(s, a.ratingId());
        Rating corrected = corrected(original, a, who, correctionId);
        Score score;
        try {
            score = Scorer.score(instrument(corrected.instrumentId()), corrected);
        } catch (IllegalArgumentException e) {
            throw ReviewException.badRequest(e.getMessage());
        }
        return List.of(new TrailEvent.RatingEntered(corrected, TrailEvent.RatingScore.of(score), true),
                new TrailEvent.RecordAmended(now, reason, new TrailEvent.RatingReplaced(a.ratingId(), correctionId)));
    }

    private static Rating ratingInEffect(SessionEntries s, String ratingId) {
        if (ratingId == null || ratingId.isBlank()) {
            throw ReviewException.badRequest("A rating amendment names the rating to correct.");
        }
        RatingEntry original = s.history().ratings().stream().filter(r -> ratingId.equals(r.id())).findFirst()
                .orElseThrow(() -> ReviewException.badRequest("Session " + s.sessionId() + " has no rating " + ratingId + "."));
        if (original.supersededBy() != null) {
            throw ReviewException.conflict("Rating " + ratingId + " was already corrected by " + original.supersededBy()
                    + ": amend that one, the rating in effect.");
        }
        return original.rating();
    }

    private Instrument instrument(String id) {
        try {
            return instruments.get(id);
        } catch (NoSuchElementException e) {
            throw ReviewException.badRequest(e.getMessage());
        }
    }

    /** The original rating's instrument, form, time point and times with the new answers, entered by the physician. */
    private static Rating corrected(Rating original, ReviewRequest.Amend a, Principal who, String correctionId) {
        Map<String, Answer> answers = new HashMap<>();
        a.answers().forEach((item, value) -> answers.put(item, answer(item, value)));
        try {
            return new Rating(correctionId, original.instrumentId(), original.shortFormId(), original.timePointId(), who.role().key(),
                    who.userId(), original.startedAt(), original.finishedAt(), answers, new Correction(a.ratingId(), a.reason().strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ReviewException.badRequest("Rating " + a.ratingId() + " cannot be corrected: " + e.getMessage());
        }
    }

    /** An item's value: a whole number, or the text "not assessed: reason". */
    static Answer answer(String item, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Answer.score(((Number) value).intValue());
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Answer.score(n.intValue());
        }
        if (value instanceof String text && text.strip().toLowerCase(Locale.ROOT).startsWith(NOT_ASSESSED)) {
            String reason = text.strip().substring(NOT_ASSESSED.length()).strip();
            if (!reason.isEmpty()) {
                return Answer.notAssessed(reason);
            }
        }
        throw ReviewException.badRequest("item " + item + ": give a whole-number score or \"not assessed: reason\", not '" + value + "'");
    }
}
