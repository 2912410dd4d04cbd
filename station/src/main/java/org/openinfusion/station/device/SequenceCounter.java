package org.openinfusion.station.device;

import java.util.EnumMap;
import java.util.Map;
import org.openinfusion.station.domain.Stream;

/** Per-stream sequence numbers for devices that do not send their own. Not thread-safe (one per session). */
public final class SequenceCounter {
    private final Map<Stream, Long> next = new EnumMap<>(Stream.class);

    /** Reserves {@code count} numbers for a stream and returns the first. */
    public long take(Stream stream, int count) {
        long first = next.getOrDefault(stream, 0L);
        next.put(stream, first + count);
        return first;
    }

    public long next(Stream stream) {
        return take(stream, 1);
    }
}
