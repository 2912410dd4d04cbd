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
 */
public record Item(String id, int number, Rater rater, int min, int max, String publicName,
                   List<Anchor> anchors, boolean anchorsVerified) {
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
        if (publicName != null && publicName.isBlank()) {
            throw new IllegalArgumentException("item " + id + ": public name must not be blank");
        }
    }

    public boolean inRange(int score) {
        return score >= min && score <= max;
    }

    public String range() {
        return min + "-" + max;
    }
}
