package org.openinfusion.station.clinical.rating.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.openinfusion.station.clinical.rating.Anchor;
import org.openinfusion.station.clinical.rating.Instrument;
import org.openinfusion.station.clinical.rating.Item;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Scoring;
import org.openinfusion.station.clinical.rating.VasItem;

/**
 * The instruments the station knows (structure from {@code instruments/*.yaml}) plus, when a site file
 * is given, licensed item wording and subscale mappings. Without it, items show placeholders.
 */
public final class InstrumentCatalog {
    public static final List<String> BUILT_IN =
            List.of("cadss.yaml", "bprs-positive.yaml", "moaas.yaml", "psi.yaml", "vas.yaml", "hamd17.yaml", "ham-a.yaml",
                    "ocs.yaml", "ymrs.yaml", "cows.yaml", "cgi-s.yaml", "cgi-i.yaml", "qids-sr16.yaml", "madrs.yaml",
                    "c-ssrs.yaml", "bss.yaml");

    private final Map<String, Instrument> byId;
    private final SiteFile site;

    private InstrumentCatalog(Map<String, Instrument> byId, SiteFile site) {
        this.byId = byId;
        this.site = site;
    }

    /** The shipped structures, placeholders for wording, PSI subscales unmapped. */
    public static InstrumentCatalog builtIn() {
        Map<String, Instrument> byId = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            Instrument i = load("instruments/" + name);
            byId.put(i.id(), i);
        }
        return new InstrumentCatalog(Map.copyOf(byId), SiteFile.none());
    }

    /** The shipped structures with a site file's wording and mappings; @throws SiteFileException */
    public static InstrumentCatalog builtIn(Path siteFile) {
        InstrumentCatalog plain = builtIn();
        return plain.withSite(SiteFileReader.read(siteFile, plain.byId));
    }

    public InstrumentCatalog withSite(SiteFile siteFile) {
        Map<String, Instrument> mapped = new LinkedHashMap<>(byId);
        siteFile.subscales().forEach((key, items) -> {
            String[] parts = key.split("\\.");
            mapped.put(parts[0], mapped.get(parts[0]).withSubscaleItems(parts[1], items));
        });
        return new InstrumentCatalog(Map.copyOf(mapped), siteFile);
    }

    public Instrument get(String id) {
        Instrument i = byId.get(id);
        if (i == null) {
            throw new NoSuchElementException("unknown instrument '" + id + "' (known: " + byId.keySet() + ")");
        }
        return i;
    }

    public Collection<Instrument> all() {
        return byId.values();
    }

    public boolean hasSiteWording() {
        return !site.wording().isEmpty();
    }

    /** Whether {@link #itemText} gives a placeholder for this item: no site wording for it and no public name. */
    public boolean placeholder(String instrumentId, String itemId) {
        Instrument instrument = get(instrumentId);
        return site.wording().get(instrumentId + "." + itemId) == null
                && instrument.item(itemId).map(i -> i.publicName() == null).orElse(true);
    }

    /** Site wording if given, else the item's public name, else a placeholder such as "CADSS item 7". */
    public String itemText(String instrumentId, String itemId) {
        Instrument instrument = get(instrumentId);
        Item item = instrument.item(itemId).orElseThrow(
                () -> new NoSuchElementException(instrument.label() + " has no item '" + itemId + "'"));
        String text = site.wording().get(instrumentId + "." + itemId);
        if (text != null) {
            return text;
        }
        return item.publicName() != null ? item.publicName() : instrument.label() + " item " + item.number();
    }

    /** The site-file key after the instrument id that gives the instrument's own instructions to the person rating. */
    public static final String INSTRUCTIONS = "instructions";

    /**
     * The instrument's own instructions as the subject reads them on the patient tablet: the site's wording
     * ({@code <instrument>.instructions}); without it, for the protocol-defined VAS a plain default, for a licensed
     * instrument a placeholder naming the key to set (its wording never ships).
     */
    public String instructions(String instrumentId) {
        Instrument instrument = get(instrumentId);
        String text = site.wording().get(instrumentId + "." + INSTRUCTIONS);
        if (text != null) {
            return text;
        }
        return instrumentId.equals("vas") ? "Move the marker along the line to show how you feel right now."
                : instrument.label() + " instructions (the site's wording, key " + instrumentId + "." + INSTRUCTIONS + ")";
    }

    /**
     * Whether {@link #instructions} gives real instructions (the site's wording, or the VAS default) rather than the
     * placeholder naming the site-file key: a patient's screen shows only real ones.
     */
    public boolean hasInstructions(String instrumentId) {
        return instrumentId.equals("vas") || site.wording().containsKey(instrumentId + "." + INSTRUCTIONS);
    }

    /** A protocol's own VAS questions, on the scale of the shipped "vas" instrument. */
    public Instrument vas(String id, List<VasItem> questions) {
        Instrument template = get("vas");
        Item scale = template.items().getFirst();
        List<Item> items = new ArrayList<>();
        for (VasItem q : questions) {
            List<Anchor> anchors = new ArrayList<>();
            if (q.lowAnchor() != null) {
                anchors.add(new Anchor(scale.min(), q.lowAnchor()));
            }
            if (q.highAnchor() != null) {
                anchors.add(new Anchor(scale.max(), q.highAnchor()));
            }
            items.add(new Item(q.id(), items.size() + 1, Rater.SUBJECT, scale.min(), scale.max(), q.label(), anchors,
                    true));
        }
        return new Instrument(id, template.label(), template.name(), "protocol-defined", Scoring.NONE, items,
                List.of(), List.of(), List.of());
    }

    private static Instrument load(String resource) {
        try (InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return InstrumentFile.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
