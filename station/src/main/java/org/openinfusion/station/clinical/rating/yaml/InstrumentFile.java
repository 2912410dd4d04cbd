package org.openinfusion.station.clinical.rating.yaml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.clinical.rating.Anchor;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.ItemList;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Scoring;
import org.openinfusion.station.clinical.rating.ShortForm;
import org.openinfusion.station.clinical.rating.Subscale;

/**
 * Reads one instrument structure file (YAML, format in docs/instruments.md) into an {@link Instrument}.
 * Unknown keys are refused so that a typo cannot silently drop a rule.
 */
final class InstrumentFile {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    record RangeDoc(int min, int max) {
    }

    record AnchorsDoc(boolean verified, List<Anchor> points) {
    }

    record ItemDoc(String numbers, Integer number, String id, String name, Rater rater, RangeDoc range,
                   List<Anchor> anchors, Boolean anchorValuesOnly) {
    }

    record SubscaleDoc(String id, String name, String items, boolean verified, boolean configurable, String note) {
    }

    record ShortFormDoc(String id, String name, String items, String source) {
    }

    record Doc(String id, String label, String name, String source, Scoring scoring, RangeDoc range,
               AnchorsDoc anchors, List<ItemDoc> items, List<SubscaleDoc> subscales,
               List<ShortFormDoc> shortForms, List<String> unverified) {
    }

    private InstrumentFile() {
    }

    static Instrument read(InputStream in, String name) {
        try {
            return toInstrument(YAML.readValue(in, Doc.class));
        } catch (IOException e) {
            throw new UncheckedIOException("instrument file " + name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("instrument file " + name + ": " + e.getMessage(), e);
        }
    }

    private static Instrument toInstrument(Doc d) {
        List<Item> items = new ArrayList<>();
        for (ItemDoc i : orEmpty(d.items())) {
            items.addAll(toItems(d, i));
        }
        List<Subscale> subscales = orEmpty(d.subscales()).stream()
                .map(s -> new Subscale(s.id(), s.name(), ItemList.parse(s.items()), s.verified(), s.configurable(),
                        s.note()))
                .toList();
        List<ShortForm> forms = orEmpty(d.shortForms()).stream()
                .map(f -> new ShortForm(f.id(), f.name(), ItemList.parse(f.items()), f.source()))
                .toList();
        return new Instrument(d.id(), d.label(), d.name(), d.source(), d.scoring(), items, subscales, forms,
                orEmpty(d.unverified()));
    }

    private static List<Item> toItems(Doc d, ItemDoc i) {
        RangeDoc range = i.range() != null ? i.range() : d.range();
        if (range == null) {
            throw new IllegalArgumentException("no range for item " + (i.id() != null ? i.id() : i.numbers()));
        }
        // An item's own anchors (published for that item) replace the instrument's common ones.
        List<Anchor> anchors = i.anchors() != null ? i.anchors() : d.anchors() == null ? List.of() : orEmpty(d.anchors().points());
        boolean verified = i.anchors() != null || d.anchors() == null || d.anchors().verified();
        boolean valuesOnly = Boolean.TRUE.equals(i.anchorValuesOnly());
        if (i.numbers() != null) {
            return ItemList.parse(i.numbers()).stream()
                    .map(n -> new Item(n, Integer.parseInt(n), i.rater(), range.min(), range.max(), null, anchors,
                            verified, valuesOnly))
                    .toList();
        }
        if (i.number() == null) {
            throw new IllegalArgumentException("an item needs 'number' or 'numbers'");
        }
        String id = i.id() != null ? i.id() : String.valueOf(i.number());
        return List.of(new Item(id, i.number(), i.rater(), range.min(), range.max(), i.name(), anchors, verified, valuesOnly));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
