package org.openinfusion.station.clinical.rating;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A rating instrument's structure (never its licensed wording): items, subscales, short forms and
 * scoring. Built-in instruments are loaded from {@code instruments/*.yaml} by {@code yaml.InstrumentCatalog}.
 *
 * @param label short name used in placeholders, e.g. "CADSS" gives "CADSS item 7"
 * @param unverified statements about this structure that the reference marks UNVERIFIED
 */
public record Instrument(String id, String label, String name, String source, Scoring scoring, List<Item> items,
                         List<Subscale> subscales, List<ShortForm> shortForms, List<String> unverified) {

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scoring, "scoring");
        source = source == null ? "" : source;
        items = List.copyOf(items);
        subscales = List.copyOf(subscales);
        shortForms = List.copyOf(shortForms);
        unverified = List.copyOf(unverified);
        requireUnique(id, items.stream().map(Item::id).toList(), "item id");
        requireUnique(id, items.stream().map(i -> String.valueOf(i.number())).toList(), "item number");
        requireUnique(id, subscales.stream().map(Subscale::id).toList(), "subscale id");
        requireUnique(id, shortForms.stream().map(ShortForm::id).toList(), "short form id");
        Set<String> known = new HashSet<>(items.stream().map(Item::id).toList());
        subscales.forEach(s -> requireKnown(id, known, s.itemIds(), "subscale " + s.id()));
        shortForms.forEach(f -> requireKnown(id, known, f.itemIds(), "short form " + f.id()));
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public Optional<Subscale> subscale(String subscaleId) {
        return subscales.stream().filter(s -> s.id().equals(subscaleId)).findFirst();
    }

    public Optional<ShortForm> shortForm(String formId) {
        return shortForms.stream().filter(f -> f.id().equals(formId)).findFirst();
    }

    /** The items of the full form (formId null) or of a short form, in instrument order. */
    public List<Item> itemsOf(String formId) {
        if (formId == null) {
            return items;
        }
        ShortForm form = shortForm(formId).orElseThrow(
                () -> new NoSuchElementException(label + " has no short form '" + formId + "'"));
        return items.stream().filter(i -> form.itemIds().contains(i.id())).toList();
    }

    public int minTotal(String formId) {
        return itemsOf(formId).stream().mapToInt(Item::min).sum();
    }

    public int maxTotal(String formId) {
        return itemsOf(formId).stream().mapToInt(Item::maxScore).sum();
    }

    /** A copy whose subscale {@code subscaleId} lists {@code itemIds} (the site mapping). */
    public Instrument withSubscaleItems(String subscaleId, List<String> itemIds) {
        List<Subscale> changed = new ArrayList<>();
        for (Subscale s : subscales) {
            changed.add(s.id().equals(subscaleId) ? s.withItems(itemIds) : s);
        }
        return new Instrument(id, label, name, source, scoring, items, changed, shortForms, unverified);
    }

    private static void requireUnique(String instrument, List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(instrument + ": duplicate " + what + " '" + v + "'");
            }
        }
    }

    private static void requireKnown(String instrument, Set<String> known, List<String> ids, String where) {
        for (String i : ids) {
            if (!known.contains(i)) {
                throw new IllegalArgumentException(instrument + ": " + where + " names unknown item '" + i + "'");
            }
        }
    }
}
