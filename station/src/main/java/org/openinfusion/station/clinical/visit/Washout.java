package org.openinfusion.station.clinical.visit;

/**
 * The gap between a crossover's periods: period n's infusion is due {@code days} after period n-1's infusion, and may
 * be up to {@code windowAfterDays} later.
 */
public record Washout(int days, int windowAfterDays, String source) {
    public Washout {
        if (days < 1 || windowAfterDays < 0) {
            throw new IllegalArgumentException("washout days must be at least 1 and its window not negative");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("washout: source is missing");
        }
    }
}
