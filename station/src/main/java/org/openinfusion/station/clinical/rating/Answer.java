package org.openinfusion.station.clinical.rating;

import java.util.Objects;

/** The answer to one item: a score, or "not assessed" with the reason why. */
public sealed interface Answer {

    static Answer score(int value) {
        return new Scored(value);
    }

    static Answer notAssessed(String reason) {
        return new NotAssessed(reason);
    }

    /** A score; whether it is within the item's range is checked against the instrument. */
    record Scored(int value) implements Answer {
    }

    /** The item was not assessed; the reason is required. */
    record NotAssessed(String reason) implements Answer {
        public NotAssessed {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a not-assessed answer needs a non-empty reason");
            }
        }
    }
}
