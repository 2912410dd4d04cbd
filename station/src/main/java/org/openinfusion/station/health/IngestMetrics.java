package org.openinfusion.station.health;

import java.util.concurrent.ConcurrentHashMap;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.LogText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.Rejection;
import org.openinfusion.station.domain.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts accepted values per stream and rejections per reason, and logs rejections at a bounded
 * rate (at most one line per reason per interval, with how many were suppressed). Thread-safe.
 */
public final class IngestMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(IngestMetrics.class);
    /** "Never logged": compared by identity, never subtracted (now - Long.MIN_VALUE overflows). */
    private static final long NEVER = Long.MIN_VALUE;

    private final Map<Stream, LongAdder> values = new EnumMap<>(Stream.class);
    private final Map<RejectReason, LongAdder> rejects = new EnumMap<>(RejectReason.class);
    private final Map<RejectReason, AtomicLong> lastLogged = new EnumMap<>(RejectReason.class);
    private final Map<RejectReason, LongAdder> suppressed = new EnumMap<>(RejectReason.class);
    private final Map<String, LongAdder> collisions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> collisionLogged = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> collisionsSuppressed = new ConcurrentHashMap<>();
    private final AtomicLong sequenceMissing = new AtomicLong();
    private final AtomicLong sequenceRepeated = new AtomicLong();
    private final Clock clock;
    private final Duration logInterval;

    public IngestMetrics(Clock clock, Duration rejectLogInterval) {
        this.clock = clock;
        this.logInterval = rejectLogInterval;
        for (Stream s : Stream.values()) {
            values.put(s, new LongAdder());
        }
        for (RejectReason r : RejectReason.values()) {
            rejects.put(r, new LongAdder());
            lastLogged.put(r, new AtomicLong(NEVER));
            suppressed.put(r, new LongAdder());
        }
    }

    public void accepted(Observation o) {
        values.get(o.stream()).add(o.valueCount());
    }

    public void rejected(String topic, Rejection r) {
        rejects.get(r.reason()).increment();
        if (due(lastLogged.get(r.reason()))) {
            long skipped = suppressed.get(r.reason()).sumThenReset();
            LOG.warn("rejected {} on {}: {}{}", r.reason(), LogText.escape(topic), LogText.escape(r.detail()),
                    skipped > 0 ? " (" + skipped + " more " + r.reason() + " since the last report)" : "");
        } else {
            suppressed.get(r.reason()).increment();
        }
    }

    /**
     * Two different samples of one stream had one device time (both are stored; see docs/storage.md): counted per
     * stream ({@code bed/device/stream}) and logged like rejections, at most one line per stream per interval.
     */
    public void collided(DeviceRef source, Stream stream, String detail) {
        String key = source + "/" + stream.key();
        collisions.computeIfAbsent(key, k -> new LongAdder()).increment();
        LongAdder skipped = collisionsSuppressed.computeIfAbsent(key, k -> new LongAdder());
        if (due(collisionLogged.computeIfAbsent(key, k -> new AtomicLong(NEVER)))) {
            long n = skipped.sumThenReset();
            LOG.warn("time collision on {}: {}{}", LogText.escape(key), LogText.escape(detail),
                    n > 0 ? " (" + n + " more on " + LogText.escape(key) + " since the last report)" : "");
        } else {
            skipped.increment();
        }
    }

    /** Whether a line may be logged now (none for {@code logInterval} before); claims the slot if so. */
    private boolean due(AtomicLong lastLogged) {
        long now = clock.millis();
        long previous = lastLogged.get();
        return (previous == NEVER || now - previous >= logInterval.toMillis()) && lastLogged.compareAndSet(previous, now);
    }

    /** Collisions so far per stream, keyed {@code bed/device/stream}. */
    public Map<String, Long> collisionsTotal() {
        Map<String, Long> out = new TreeMap<>();
        collisions.forEach((k, n) -> out.put(k, n.sum()));
        return out;
    }

    public void sequence(long missing, long repeated) {
        sequenceMissing.set(missing);
        sequenceRepeated.set(repeated);
    }

    public Map<String, Long> valuesTotal() {
        Map<String, Long> out = new TreeMap<>();
        values.forEach((s, n) -> out.put(s.key(), n.sum()));
        return out;
    }

    public Map<String, Long> rejectsTotal() {
        Map<String, Long> out = new TreeMap<>();
        rejects.forEach((r, n) -> out.put(r.name(), n.sum()));
        return out;
    }

    public long rejects(RejectReason reason) {
        return rejects.get(reason).sum();
    }

    public long sequenceMissing() {
        return sequenceMissing.get();
    }

    public long sequenceRepeated() {
        return sequenceRepeated.get();
    }

    public Instant now() {
        return clock.instant();
    }

}
