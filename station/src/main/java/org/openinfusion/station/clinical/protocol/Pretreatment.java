package org.openinfusion.station.clinical.protocol;

import java.time.Duration;
import java.util.Objects;

/** What is given before the infusion, and how long before its start (e.g. a capsule 45 min before). */
public record Pretreatment(String label, Duration beforeInfusion, String source) {
    public Pretreatment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
        if (beforeInfusion.isNegative() || beforeInfusion.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("pretreatment must be 0 - 24 h before the infusion");
        }
    }
}
