package org.openinfusion.station.device;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.openinfusion.station.domain.Stream;

/**
 * Device times for a device without a clock: the receive time, made strictly increasing per stream in
 * steps of at least one microsecond (the storage resolution). Several answers that arrive in one read
 * share a receive time; each still gets a time of its own, in the order they arrived, so none can
 * overwrite another. Not thread-safe (one per session).
 */
public final class StreamTimes {
    private static final Duration STEP = Duration.of(1, ChronoUnit.MICROS);
    private final Map<Stream, Instant> last = new EnumMap<>(Stream.class);

    /** The device time of a value of {@code stream} received at {@code received}. */
    public Instant next(Stream stream, Instant received) {
        Instant t = received.truncatedTo(ChronoUnit.MICROS);
        Instant previous = last.get(stream);
        if (previous != null && !t.isAfter(previous)) {
            t = previous.plus(STEP);
        }
        last.put(stream, t);
        return t;
    }
}
