package org.openinfusion.station.clinical.rating.yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validated content of a site-supplied file: licensed item wording and subscale mappings.
 *
 * @param wording item text by key "instrument.item", e.g. "cadss.7"
 * @param subscales item lists by key "instrument.subscale", e.g. "psi.paranoia"
 */
public record SiteFile(Path file, Map<String, String> wording, Map<String, List<String>> subscales) {
    public SiteFile {
        wording = Map.copyOf(wording);
        subscales = Map.copyOf(subscales);
    }

    public static SiteFile none() {
        return new SiteFile(Path.of(""), Map.of(), Map.of());
    }
}
