package org.openinfusion.station.clinical.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a rating against its instrument: every item of the form answered, scores in range, no strangers. */
public final class RatingCheck {
    private RatingCheck() {
    }

    public static List<String> problems(Instrument instrument, Rating rating) {
        List<String> problems = new ArrayList<>();
        if (!instrument.id().equals(rating.instrumentId())) {
            problems.add("is a " + rating.instrumentId() + " rating, not " + instrument.id());
            return problems;
        }
        if (rating.shortFormId() != null && instrument.shortForm(rating.shortFormId()).isEmpty()) {
            problems.add(instrument.label() + " has no short form '" + rating.shortFormId() + "'");
            return problems;
        }
        List<Item> items = instrument.itemsOf(rating.shortFormId());
        for (Item item : items) {
            Answer answer = rating.answers().get(item.id());
            if (answer == null) {
                problems.add("item " + item.id() + ": missing (score it or mark it not assessed with a reason)");
            } else if (answer instanceof Answer.Scored s && !item.inRange(s.value())) {
                problems.add("item " + item.id() + ": score " + s.value() + (item.anchorValuesOnly() ? " not one of " : " outside ")
                        + item.range());
            }
        }
        Set<String> known = items.stream().map(Item::id).collect(Collectors.toSet());
        rating.answers().keySet().stream().filter(id -> !known.contains(id)).sorted()
                .forEach(id -> problems.add("item " + id + ": unknown item of " + formName(instrument, rating)));
        return problems;
    }

    /** @throws InvalidRatingException listing every problem */
    public static void requireValid(Instrument instrument, Rating rating) {
        List<String> problems = problems(instrument, rating);
        if (!problems.isEmpty()) {
            throw new InvalidRatingException(rating.id(), problems);
        }
    }

    private static String formName(Instrument instrument, Rating rating) {
        return rating.shortFormId() == null ? instrument.label()
                : instrument.shortForm(rating.shortFormId()).map(ShortForm::name).orElse(rating.shortFormId());
    }
}
