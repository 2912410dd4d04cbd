package org.openinfusion.station.clinical.rating.yaml;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.ItemList;
import org.openinfusion.station.clinical.rating.Subscale;

/** Checks flat site-file keys: "instrument.item" = wording, "instrument.subscale.id" = item list. */
final class SiteFileRules {
    private SiteFileRules() {
    }

    static SiteFile check(Path file, Map<String, String> flat, Map<String, Instrument> instruments,
                          List<SiteProblem> problems) {
        Map<String, String> wording = new HashMap<>();
        Map<String, List<String>> subscales = new HashMap<>();
        flat.forEach((key, value) -> {
            String[] parts = key.split("\\.", -1);
            Instrument instrument = parts.length >= 2 ? instruments.get(parts[0]) : null;
            String problem;
            if (instrument == null) {
                problem = parts.length < 2 ? "unknown key (expected instrument.item or instrument.subscale.id)"
                        : "unknown instrument '" + parts[0] + "' (known: " + String.join(", ",
                        instruments.keySet().stream().sorted().toList()) + ")";
            } else if (parts.length == 2) {
                problem = wordingProblem(instrument, parts[1], value).orElse(null);
                if (problem == null) {
                    wording.put(key, value.strip());
                }
            } else if (parts.length == 3 && parts[1].equals("subscale")) {
                problem = subscaleProblem(instrument, parts[2], value).orElse(null);
                if (problem == null) {
                    subscales.put(parts[0] + "." + parts[2], ItemList.parse(value));
                }
            } else {
                problem = "unknown key (expected instrument.item or instrument.subscale.id)";
            }
            if (problem != null) {
                problems.add(new SiteProblem(file, key, problem));
            }
        });
        return new SiteFile(file, wording, subscales);
    }

    private static Optional<String> wordingProblem(Instrument instrument, String itemId, String value) {
        if (instrument.item(itemId).isEmpty() && !itemId.equals(InstrumentCatalog.INSTRUCTIONS)) {
            return Optional.of(instrument.label() + " has no item '" + itemId + "'");
        }
        return value.isBlank() ? Optional.of("empty wording") : Optional.empty();
    }

    private static Optional<String> subscaleProblem(Instrument instrument, String subscaleId, String value) {
        Optional<Subscale> subscale = instrument.subscale(subscaleId);
        if (subscale.isEmpty()) {
            return Optional.of(instrument.label() + " has no subscale '" + subscaleId + "'");
        }
        if (!subscale.get().configurable()) {
            return Optional.of("subscale '" + subscaleId + "' is fixed by the instrument file");
        }
        List<String> items;
        try {
            items = ItemList.parse(value);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (items.isEmpty()) {
            return Optional.of("empty item list");
        }
        if (new HashSet<>(items).size() != items.size()) {
            return Optional.of("an item is listed twice");
        }
        return items.stream().filter(i -> instrument.item(i).isEmpty()).findFirst()
                .map(i -> instrument.label() + " has no item '" + i + "'");
    }
}
