package org.openinfusion.station.clinical.rating;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the answers of a rating; errors name the item. */
public final class Answers {
    private final Map<String, Answer> byItem = new LinkedHashMap<>();

    public static Answers builder() {
        return new Answers();
    }

    public Answers score(String itemId, int value) {
        return put(itemId, Answer.score(value));
    }

    public Answers notAssessed(String itemId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("item " + itemId + ": not assessed needs a non-empty reason");
        }
        return put(itemId, Answer.notAssessed(reason));
    }

    public Map<String, Answer> build() {
        return Map.copyOf(byItem);
    }

    private Answers put(String itemId, Answer answer) {
        if (byItem.putIfAbsent(itemId, answer) != null) {
            throw new IllegalArgumentException("item " + itemId + ": answered twice");
        }
        return this;
    }
}
