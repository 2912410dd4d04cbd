package org.openinfusion.station.clinical.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import org.openinfusion.station.domain.Stream;

/**
 * A physiological limit: low and/or high, a priority, and how old a value may be to count as current.
 * {@code source} says where the figures come from: a citation, or "site default" when no trial gives them.
 */
public record AlarmLimit(Stream stream, OptionalDouble low, OptionalDouble high, AlarmPriority priority, Duration maxAge,
                         String source) {
    public AlarmLimit {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(maxAge, "maxAge");
        if (low.isEmpty() && high.isEmpty()) {
            throw new IllegalArgumentException("limit on " + stream.key() + " has neither low nor high");
        }
        if (low.isPresent() && high.isPresent() && low.getAsDouble() >= high.getAsDouble()) {
            throw new IllegalArgumentException("limit on " + stream.key() + ": low must be below high");
        }
    }
}
