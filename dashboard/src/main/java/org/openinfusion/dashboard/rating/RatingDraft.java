package org.openinfusion.dashboard.rating;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.FormKey;

/**
 * A rating being filled in at the bedside: the form's items, the current one, the answers so far. Pure; the
 * station checks and scores the finished rating again.
 */
public final class RatingDraft {
    private final Instrument instrument;
    private final FormKey form;
    private final String timePointId;
    private final List<Item> items;
    private final Map<String, Answer> answers = new HashMap<>();
    private final String correcting;
    private final Instant startedAt;
    private int index;

    public RatingDraft(Instrument instrument, FormKey form, String timePointId, Instant startedAt, String correcting,
                       Map<String, Answer> previous) {
        this(instrument, form, timePointId, instrument.itemsOf(form.shortFormId()), startedAt, correcting, previous);
    }

    /**
     * A draft that walks only {@code itemIds} of the form (in the form's order): the subject-rated items on the patient
     * tablet, or the observer items staff rate after the subject answered the others on the tablet ({@code given}: those
     * answers, kept unchanged in the finished rating; docs/tablet.md).
     */
    public static RatingDraft only(Instrument instrument, FormKey form, String timePointId, Collection<String> itemIds, Instant startedAt,
                                   Map<String, Answer> given) {
        List<Item> walked = instrument.itemsOf(form.shortFormId()).stream().filter(i -> itemIds.contains(i.id())).toList();
        if (walked.isEmpty()) {
            throw new IllegalArgumentException("no item of " + form.key() + " to answer");
        }
        return new RatingDraft(instrument, form, timePointId, walked, startedAt, null, given);
    }

    /**
     * Staff complete a form whose subject-rated items the subject answered on the patient tablet (CADSS 1-19): a draft
     * of the other items only, carrying the subject's answers unchanged into the one rating (the station records each
     * item's rater); with no such answers, the whole form. The same at a bed and at a rating visit.
     */
    public static RatingDraft completing(Instrument instrument, FormKey form, String timePointId, Instant startedAt, Map<String, Answer> subjectPart) {
        if (subjectPart.isEmpty()) {
            return new RatingDraft(instrument, form, timePointId, startedAt, null, Map.of());
        }
        return only(instrument, form, timePointId, instrument.itemsOf(form.shortFormId()).stream().map(Item::id)
                .filter(id -> !subjectPart.containsKey(id)).toList(), startedAt, subjectPart);
    }

    private RatingDraft(Instrument instrument, FormKey form, String timePointId, List<Item> items, Instant startedAt, String correcting,
                        Map<String, Answer> previous) {
        this.instrument = instrument;
        this.form = form;
        this.timePointId = timePointId;
        this.items = List.copyOf(items);
        this.startedAt = startedAt;
        this.correcting = correcting;
        answers.putAll(previous);
    }

    public Item item() {
        return items.get(index);
    }

    public int index() {
        return index;
    }

    public int size() {
        return items.size();
    }

    public Answer answer() {
        return answers.get(item().id());
    }

    /** Scores the current item and moves to the next; refuses a score outside the item's range. */
    public void score(int value) {
        set(value);
        next();
    }

    /** Scores the current item and stays on it (a VAS line being moved); refuses a score outside the item's range. */
    public void set(int value) {
        if (!item().inRange(value)) {
            throw new IllegalArgumentException("item " + item().number() + ": " + value + " is outside " + item().range());
        }
        answers.put(item().id(), Answer.score(value));
    }

    public void notAssessed(String reason) {
        answers.put(item().id(), Answer.notAssessed(reason == null ? "" : reason.strip()));
        next();
    }

    public void next() {
        index = Math.min(index + 1, items.size() - 1);
    }

    public void previous() {
        index = Math.max(index - 1, 0);
    }

    public void go(int i) {
        index = Math.max(0, Math.min(i, items.size() - 1));
    }

    public int answered() {
        return (int) items.stream().filter(i -> answers.containsKey(i.id())).count();
    }

    public boolean complete() {
        return answered() == items.size();
    }

    public boolean isCorrection() {
        return correcting != null;
    }

    public Instrument instrument() {
        return instrument;
    }

    public FormKey form() {
        return form;
    }

    /** The finished rating; a correction needs its reason. */
    public Rating toRating(String role, String user, Instant finishedAt, String reason) {
        if (!complete()) {
            throw new IllegalStateException((items.size() - answered()) + " items still need an answer or 'not assessed'");
        }
        Correction c = correcting == null ? null : new Correction(correcting, reason == null ? "" : reason.strip());
        return new Rating(UUID.randomUUID().toString(), instrument.id(), form.shortFormId(), timePointId, role, user, startedAt,
                finishedAt, Map.copyOf(answers), c);
    }
}
