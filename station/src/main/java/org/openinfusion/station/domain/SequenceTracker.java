package org.openinfusion.station.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Follows each stream's sequence numbers and counts values missing (gaps) and values seen again
 * (duplicates or reordering). Not thread-safe: one tracker per ingest thread.
 */
public final class SequenceTracker {
    private record Key(DeviceRef source, Stream stream) {
    }

    private final Map<Key, Long> nextExpected = new HashMap<>();
    private long missing;
    private long repeated;

    /** Records an observation; returns the number of values found missing just before it. */
    public long observe(Observation o) {
        Key key = new Key(o.source(), o.stream());
        Long expected = nextExpected.get(key);
        long gap = 0;
        if (expected != null) {
            if (o.seq() > expected) {
                gap = o.seq() - expected;
                missing += gap;
            } else if (o.seq() < expected) {
                repeated += Math.min(o.valueCount(), expected - o.seq());
            }
        }
        long next = o.seq() + o.valueCount();
        if (expected == null || next > expected) {
            nextExpected.put(key, next);
        }
        return gap;
    }

    public long missing() {
        return missing;
    }

    public long repeated() {
        return repeated;
    }
}
