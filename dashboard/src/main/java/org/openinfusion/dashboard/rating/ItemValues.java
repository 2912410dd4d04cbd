package org.openinfusion.dashboard.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.yaml.FormKey;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/**
 * A rating of an instrument without a total (VAS) as staff read it: each item's value with its unit ("High 42 mm,
 * Nausea 10 mm"), never the station's "no total". The unit is the bundle's {@code itemUnit.<instrument id>}.
 */
public final class ItemValues {
    private ItemValues() {
    }

    /** One item's value with its unit; {@code null} for an item not assessed. */
    public record Value(String name, Integer value) {
    }

    /** The items of a rating of {@code formKey} in the instrument's order, named from the catalog. */
    public static String of(InstrumentCatalog catalog, String formKey, Map<String, Answer> answers) {
        Optional<FormKey> key = FormKey.resolve(catalog, formKey);
        if (key.isEmpty()) {
            return Text.get("rating.noValues");
        }
        Instrument instrument = catalog.get(key.get().instrumentId());
        List<Item> items = key.get().shortFormId() == null ? instrument.items() : instrument.itemsOf(key.get().shortFormId());
        List<Value> values = new ArrayList<>();
        for (Item i : items) {
            Answer a = answers.get(i.id());
            if (a != null) {
                values.add(new Value(catalog.itemText(instrument.id(), i.id()), a instanceof Answer.Scored s ? s.value() : null));
            }
        }
        return of(instrument.id(), values);
    }

    /** e.g. "High 42 mm, Nausea not assessed"; a single item without its name ("42 mm"). */
    public static String of(String instrumentId, List<Value> values) {
        if (values.isEmpty()) {
            return Text.get("rating.noValues");
        }
        String unit = Text.orElse("itemUnit." + instrumentId, "");
        List<String> parts = new ArrayList<>();
        for (Value v : values) {
            String value = v.value() == null ? Text.get("rating.itemNotAssessed")
                    : unit.isEmpty() ? String.valueOf(v.value()) : Text.get("rating.valueWithUnit", v.value(), unit);
            parts.add(values.size() == 1 ? value : v.name() + " " + value);
        }
        return String.join(", ", parts);
    }
}
