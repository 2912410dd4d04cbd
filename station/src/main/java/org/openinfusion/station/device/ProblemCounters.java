package org.openinfusion.station.device;

import org.openinfusion.station.domain.LogText;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts one device's problems by kind and logs them at a bounded rate (one line per kind per
 * interval, with how many were not logged). Thread-safe.
 */
public final class ProblemCounters {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemCounters.class);

    private final String device;
    private final Clock clock;
    private final long intervalMillis;
    private final Map<Problem, LongAdder> counts = new EnumMap<>(Problem.class);
    private final Map<Problem, AtomicLong> lastLogged = new EnumMap<>(Problem.class);
    private final Map<Problem, LongAdder> suppressed = new EnumMap<>(Problem.class);

    public ProblemCounters(String device, Clock clock, Duration logInterval) {
        this.device = device;
        this.clock = clock;
        this.intervalMillis = logInterval.toMillis();
        for (Problem p : Problem.values()) {
            counts.put(p, new LongAdder());
            lastLogged.put(p, new AtomicLong(Long.MIN_VALUE / 2));
            suppressed.put(p, new LongAdder());
        }
    }

    public void count(Problem kind, String detail) {
        counts.get(kind).increment();
        long now = clock.millis();
        AtomicLong last = lastLogged.get(kind);
        long previous = last.get();
        if (now - previous >= intervalMillis && last.compareAndSet(previous, now)) {
            long skipped = suppressed.get(kind).sumThenReset();
            if (kind == Problem.NO_VALUE) {
                LOG.debug("device {}: {} {}", LogText.escape(device), kind, LogText.escape(detail));
            } else {
                LOG.warn("device {}: {} {}{}", LogText.escape(device), kind, LogText.escape(detail), skipped > 0 ? " (" + skipped + " more since the last report)" : "");
            }
        } else {
            suppressed.get(kind).increment();
        }
    }

    public long get(Problem kind) {
        return counts.get(kind).sum();
    }

    /** Non-zero counts by kind. */
    public Map<String, Long> totals() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v.sum() > 0) {
                out.put(k.name(), v.sum());
            }
        });
        return out;
    }
}
