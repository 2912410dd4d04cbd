package org.openinfusion.station.clinical.visit;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a measure is judged across visits: response is a reduction of at least {@code responsePercent} % from the
 * period's own baseline; remission (when the protocol defines it) a value at most {@code remissionAtMost}.
 *
 * @param measure an instrument id (its total) or a subscale id (e.g. {@code hamd6}, from the HAM-D17 items)
 */
public record OutcomeRule(String measure, int responsePercent, OptionalInt remissionAtMost, String source) {
    public OutcomeRule {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(remissionAtMost, "remissionAtMost");
        if (responsePercent < 1 || responsePercent > 100) {
            throw new IllegalArgumentException("outcome " + measure + ": responsePercent must be 1-100");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("outcome " + measure + ": source is missing");
        }
    }

    /** The outcome of {@code value} against {@code baseline} (null when the period has no baseline of this measure). */
    public MeasureOutcome judge(int value, Integer baseline) {
        Integer change = baseline == null ? null : value - baseline;
        Double percent = baseline == null || baseline == 0 ? null : 100.0 * (value - baseline) / baseline;
        Boolean response = percent == null ? null : -percent >= responsePercent;
        Boolean remission = remissionAtMost.isPresent() ? value <= remissionAtMost.getAsInt() : null;
        return new MeasureOutcome(measure, value, baseline, change, percent, response, remission);
    }
}
