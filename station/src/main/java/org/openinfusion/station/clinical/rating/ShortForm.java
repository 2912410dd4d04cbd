package org.openinfusion.station.clinical.rating;

import java.util.List;
import java.util.Objects;

/** A validated subset of an instrument's items, scored on its own (e.g. CADSS-6). */
public record ShortForm(String id, String name, List<String> itemIds, String source) {
    public ShortForm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        itemIds = List.copyOf(itemIds);
        source = source == null ? "" : source;
        if (itemIds.isEmpty() || itemIds.size() != itemIds.stream().distinct().count()) {
            throw new IllegalArgumentException("short form " + id + " needs distinct items: " + itemIds);
        }
    }
}
