package org.openinfusion.station.clinical.rating;

import java.util.Objects;

/** A labelled point of an item's scale, e.g. 0 "not at all". */
public record Anchor(int value, String label) {
    public Anchor {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("anchor " + value + " needs a label");
        }
    }
}
