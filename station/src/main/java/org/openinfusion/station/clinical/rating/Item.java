package org.openinfusion.station.clinical.rating;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One item of an instrument: its id (used in answers and in site-file keys), its printed number,
 * who rates it, its score range and, when they may ship, its public name and anchors.
 *
 * @param publicName the item's name when it is public (BPRS, protocol-defined VAS); null otherwise
 * @param anchorsVerified false when the anchors come from a secondary source (UNVERIFIED)
 * @param anchorValuesOnly only the anchors' values are valid scores (e.g. COWS pulse: 0, 1, 2, 4)
 */
public record Item(String id, int number, Rater rater, int min, int max, String publicName,
                   List<Anchor> anchors, boolean anchorsVerified, boolean anchorValuesOnly) {
    public Item(String id, int number, Rater rater, int min, int max, String publicName, List<Anchor> anchors,
                boolean anchorsVerified) {
        this(id, number, rater, min, max, publicName, anchors, anchorsVerified, false);
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,40}");

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rater, "rater");
        if (!ID.matcher(id).matches() || id.equals("subscale")) {
            throw new IllegalArgumentException("item id must be 1-40 of [a-z0-9_] and not 'subscale': " + id);
        }
        if (number < 1) {
            throw new IllegalArgumentException("item " + id + ": number must be positive: " + number);
        }
        if (min >= max) {
            throw new IllegalArgumentException("item " + id + ": range " + min + "-" + max + " is empty");
        }
        anchors = List.copyOf(anchors);
        for (Anchor a : anchors) {
            if (a.value() < min || a.value() > max) {
                throw new IllegalArgumentException("item " + id + ": anchor " + a.value() + " outside " + min + "-" + max);
            }
        }
        if (anchorValuesOnly && anchors.isEmpty()) {
            throw new IllegalArgumentException("item " + id + ": scores limited to anchor values but no anchors given");
        }
        if (publicName != null && publicName.isBlank()) {
            throw new IllegalArgumentException("item " + id + ": public name must not be blank");
        }
    }

    public boolean inRange(int score) {
        return score >= min && score <= max && (!anchorValuesOnly || anchors.stream().anyMatch(a -> a.value() == score));
    }

    /** The valid scores: "0-4", or the anchor values when only those are allowed ("0, 1, 2, 4"). */
    public String range() {
        return anchorValuesOnly ? String.join(", ", anchors.stream().map(a -> String.valueOf(a.value())).toList())
                : min + "-" + max;
    }

    /** The highest valid score (the top anchor when only anchor values are allowed). */
    public int maxScore() {
        return anchorValuesOnly ? anchors.stream().mapToInt(Anchor::value).max().orElse(max) : max;
    }
}
