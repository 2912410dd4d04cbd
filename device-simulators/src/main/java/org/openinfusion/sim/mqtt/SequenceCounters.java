package org.openinfusion.sim.mqtt;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-stream sequence numbers: each stream starts at 0 and grows by 1 per sample or value.
 * The next number is also the count produced so far. Safe to read from any thread.
 */
public final class SequenceCounters {

    private final Map<String, AtomicLong> next = new ConcurrentHashMap<>();

    /** Reserves {@code count} numbers for {@code stream} and returns the first. */
    public long take(String stream, int count) {
        return next.computeIfAbsent(stream, s -> new AtomicLong()).getAndAdd(count);
    }

    /** Samples or values produced so far for {@code stream}. */
    public long count(String stream) {
        AtomicLong counter = next.get(stream);
        return counter == null ? 0 : counter.get();
    }

    /** Counts of every stream that produced something, sorted by stream name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        next.forEach((stream, counter) -> counts.put(stream, counter.get()));
        return counts;
    }
}
