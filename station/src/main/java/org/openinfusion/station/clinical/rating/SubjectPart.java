package org.openinfusion.station.clinical.rating;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The subject's part of a form that subject and staff rate together (CADSS: items 1-19 by the subject, "at this time,
 * in this room", 20-23 observed by staff; Bremner 1998 per the clinical reference): the patient answers the
 * subject-rated items on the tablet, staff rate the others, and the one rating combines both with each item's rater.
 * The same rules at a bed and at a rating visit (docs/tablet.md). Pure.
 */
public final class SubjectPart {
    private SubjectPart() {
    }

    /** The form's subject-rated items. */
    public static List<Item> items(Instrument instrument, String shortFormId) {
        return instrument.itemsOf(shortFormId).stream().filter(i -> i.rater() == Rater.SUBJECT).toList();
    }

    /** Whether the form has subject-rated and observer-rated items both: the tablet gives the subject a part of it. */
    public static boolean split(Instrument instrument, String shortFormId) {
        List<Item> subject = items(instrument, shortFormId);
        return !subject.isEmpty() && subject.size() < instrument.itemsOf(shortFormId).size();
    }

    /** Checks the tablet's answers: exactly the subject-rated items, each in its range. */
    public static void requireExactly(Instrument instrument, Rating part) {
        List<Item> subject = items(instrument, part.shortFormId());
        Set<String> ids = subject.stream().map(Item::id).collect(Collectors.toSet());
        if (!part.answers().keySet().equals(ids)) {
            throw new IllegalArgumentException("the tablet answers items " + subject.stream().map(i -> String.valueOf(i.number()))
                    .collect(Collectors.joining(", ")) + " of " + part.instrumentId() + ", no more and no fewer");
        }
        for (Item i : subject) {
            if (part.answers().get(i.id()) instanceof Answer.Scored s && !i.inRange(s.value())) {
                throw new IllegalArgumentException("item " + i.number() + ": " + s.value() + " is outside " + i.range());
            }
        }
    }

    /**
     * Staff complete a form whose subject part was answered on the tablet: the rating must carry the subject's answers
     * unchanged. Returns who answered each item (subject for the part's items, observer for the others).
     */
    public static Map<String, Rater> combine(Instrument instrument, Rating rating, Rating part) {
        part.answers().forEach((item, given) -> {
            if (!given.equals(rating.answers().get(item))) {
                throw new IllegalArgumentException("the subject answered item " + instrument.item(item).map(x -> String.valueOf(x.number())).orElse(item)
                        + " on the tablet: staff rate the observer items only (corrections are made in review)");
            }
        });
        Map<String, Rater> raters = new HashMap<>();
        instrument.itemsOf(rating.shortFormId()).forEach(i -> raters.put(i.id(), part.answers().containsKey(i.id()) ? Rater.SUBJECT : Rater.OBSERVER));
        return raters;
    }
}
