package org.openinfusion.station.clinical.rating.yaml;

import java.nio.file.Path;

/** One problem in a site wording file: which file, which key, what is wrong. */
public record SiteProblem(Path file, String key, String problem) {
    @Override
    public String toString() {
        return file + ": " + (key.isEmpty() ? "" : "key '" + key + "': ") + problem;
    }
}
