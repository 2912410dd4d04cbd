package org.openinfusion.station.clinical.rating;

import java.util.Objects;

/**
 * A protocol-defined visual analogue scale question, e.g. ("craving", "Craving", "none", "extreme").
 *
 * @param lowAnchor label at 0 mm, or null
 * @param highAnchor label at 100 mm, or null
 */
public record VasItem(String id, String label, String lowAnchor, String highAnchor) {
    public VasItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("VAS item " + id + " needs a label");
        }
    }
}
