package org.openinfusion.station.clinical.rating.yaml;

import java.util.Optional;
import org.openinfusion.station.clinical.rating.Instrument;

/**
 * How a protocol names what to rate: an instrument id ({@code cadss}) or a short form id
 * ({@code cadss6}); resolved against the catalog.
 */
public record FormKey(String instrumentId, String shortFormId) {
    public static Optional<FormKey> resolve(InstrumentCatalog catalog, String key) {
        for (Instrument i : catalog.all()) {
            if (i.id().equals(key)) {
                return Optional.of(new FormKey(i.id(), null));
            }
            if (i.shortForm(key).isPresent()) {
                return Optional.of(new FormKey(i.id(), key));
            }
        }
        return Optional.empty();
    }

    /** The name the protocol uses for this form. */
    public String key() {
        return shortFormId == null ? instrumentId : shortFormId;
    }
}
