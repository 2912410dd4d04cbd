package org.openinfusion.station.clinical.rating;

import java.util.List;
import java.util.Objects;

/**
 * A domain or subscale: a named list of item ids summed on its own. An empty list means the
 * mapping is not shipped (PSI) and must come from the site file; such a subscale is not scored.
 *
 * @param verified false when the item assignment is not confirmed by the reference (UNVERIFIED)
 * @param configurable true when the site file may (re)define the item list
 */
public record Subscale(String id, String name, List<String> itemIds, boolean verified, boolean configurable,
                       String note) {
    public Subscale {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        itemIds = List.copyOf(itemIds);
        note = note == null ? "" : note;
        if (itemIds.size() != itemIds.stream().distinct().count()) {
            throw new IllegalArgumentException("subscale " + id + " lists an item twice: " + itemIds);
        }
    }

    public boolean mapped() {
        return !itemIds.isEmpty();
    }

    public Subscale withItems(List<String> items) {
        return new Subscale(id, name, items, verified, configurable, note);
    }
}
