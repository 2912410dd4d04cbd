package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.RatingCheck;
import org.openinfusion.station.clinical.rating.RatingPayload;
import org.openinfusion.station.clinical.rating.Score;
import org.openinfusion.station.clinical.rating.Scorer;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.security.Principal;

/**
 * The rules of a review amendment, the only way to change a closed record: always with a reason; a NOTE adds text
 * as a late entry; a RATING replaces the answers of the rating in effect, checked and scored by the same rules as
 * at the bedside ({@link RatingCheck}, {@link Scorer}) and written as a {@code rating.corrected} entry marked
 * {@code "amendment": true} (so exports pick it up), followed by the {@value SessionEntries#AMENDED} entry. Pure:
 * returns the entries to write, in order.
 */
public final class Amendments {
    static final int MAX_NOTE = 2000;
    private static final String NOT_ASSESSED = "not assessed:";

    private final InstrumentCatalog instruments;

    public Amendments(InstrumentCatalog instruments) {
        this.instruments = instruments;
    }

    /** One audit entry to write: its type and payload. */
    public record Write(String type, Map<String, Object> payload) {
    }

    /**
     * @param correctionId the id the corrected rating gets (a RATING amendment)
     * @throws ReviewException 409 when the session is open or the rating was already corrected, 400 when the
     *     request does not fit (no text, unknown rating, answers that do not fit the instrument)
     */
    public List<Write> plan(SessionEntries s, ReviewRequest.Amend a, Principal who, Instant now, String correctionId) {
        if (!s.closed()) {
            throw ReviewException.conflict("Session " + s.sessionId() + " is still open on bed " + s.bed()
                    + ": change it at the bedside; amendments are for closed records.");
        }
        Map<String, Object> amended = new LinkedHashMap<>();
        amended.put("at", now.toString());
        amended.put("reason", a.reason().strip());
        amended.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (a.kind() == ReviewRequest.AmendmentKind.NOTE) {
            String text = a.text() == null ? "" : a.text().strip();
            if (text.isEmpty() || text.length() > MAX_NOTE) {
                throw ReviewException.badRequest("A note amendment needs text (at most " + MAX_NOTE + " characters).");
            }
            amended.put("text", text);
            return List.of(new Write(SessionEntries.AMENDED, amended));
        }
        AuditEntry original = ratingInEffect(s, a.ratingId());
        Rating corrected = corrected(original, a, who, correctionId);
        Score score;
        try {
            score = Scorer.score(instrument(corrected.instrumentId()), corrected);
        } catch (IllegalArgumentException e) {
            throw ReviewException.badRequest(e.getMessage());
        }
        amended.put("ratingId", a.ratingId());
        amended.put("correctionId", correctionId);
        return List.of(new Write("rating.corrected", correctionPayload(corrected, score)), new Write(SessionEntries.AMENDED, amended));
    }

    private static AuditEntry ratingInEffect(SessionEntries s, String ratingId) {
        if (ratingId == null || ratingId.isBlank()) {
            throw ReviewException.badRequest("A rating amendment names the rating to correct.");
        }
        List<AuditEntry> ratings = s.entries().stream().filter(e -> e.type().startsWith("rating.")).toList();
        AuditEntry original = ratings.stream().filter(e -> ratingId.equals(SessionEntries.text(e, "ratingId"))).findFirst()
                .orElseThrow(() -> ReviewException.badRequest("Session " + s.sessionId() + " has no rating " + ratingId + "."));
        ratings.stream().filter(e -> ratingId.equals(SessionEntries.text(e, "corrects"))).findFirst().ifPresent(c -> {
            throw ReviewException.conflict("Rating " + ratingId + " was already corrected by " + SessionEntries.text(c, "ratingId")
                    + ": amend that one, the rating in effect.");
        });
        return original;
    }

    private Instrument instrument(String id) {
        try {
            return instruments.get(id);
        } catch (NoSuchElementException e) {
            throw ReviewException.badRequest(e.getMessage());
        }
    }

    /** The original rating's instrument, form, time point and times with the new answers, entered by the physician. */
    private static Rating corrected(AuditEntry original, ReviewRequest.Amend a, Principal who, String correctionId) {
        Map<String, Answer> answers = new HashMap<>();
        a.answers().forEach((item, value) -> answers.put(item, answer(item, value)));
        try {
            return new Rating(correctionId, SessionEntries.text(original, "instrument"), SessionEntries.text(original, "shortForm"),
                    SessionEntries.text(original, "timePoint"), who.role().key(), who.userId(), SessionEntries.instant(original, "startedAt"),
                    SessionEntries.instant(original, "finishedAt"), answers, new Correction(a.ratingId(), a.reason().strip()));
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
        if (value instanceof String text && text.strip().toLowerCase(java.util.Locale.ROOT).startsWith(NOT_ASSESSED)) {
            String reason = text.strip().substring(NOT_ASSESSED.length()).strip();
            if (!reason.isEmpty()) {
                return Answer.notAssessed(reason);
            }
        }
        throw ReviewException.badRequest("item " + item + ": give a whole-number score or \"not assessed: reason\", not '" + value + "'");
    }

    /** The same payload as a correction made at the bedside, plus {@code "amendment": true}. */
    private static Map<String, Object> correctionPayload(Rating r, Score score) {
        Map<String, Object> p = new LinkedHashMap<>(RatingPayload.of(r, score));
        p.put("amendment", true);
        return p;
    }
}
