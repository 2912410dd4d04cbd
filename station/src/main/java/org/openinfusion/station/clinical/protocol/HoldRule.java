package org.openinfusion.station.clinical.protocol;

import java.util.Objects;
import org.openinfusion.station.domain.Stream;

/** A hold criterion: when the stream's current value crosses the threshold, advise (never command) a pause. */
public record HoldRule(String id, Stream stream, Comparison comparison, double threshold, String advice, String source) {
    public enum Comparison {
        ABOVE(">"),
        BELOW("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double value, double threshold) {
            return this == ABOVE ? value > threshold : value < threshold;
        }
    }

    public HoldRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(source, "source");
    }

    public boolean triggeredBy(double value) {
        return comparison.holds(value, threshold);
    }
}
