package org.openinfusion.station.clinical.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A rating time point: instruments due at {@code anchor + offset}, open from {@code windowBefore}
 * before that, overdue {@code overdueAfter} after it and missed {@code windowAfter} after it. {@code source} names the
 * published schedule it follows, or "site default".
 */
public record ScheduleEntry(String id, List<String> instruments, Anchor anchor, Duration offset, Duration windowBefore,
                            Duration windowAfter, Duration overdueAfter, String source) {
    public ScheduleEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(anchor, "anchor");
        instruments = List.copyOf(instruments);
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("time point " + id + " lists no instrument");
        }
        if (windowBefore.isNegative() || windowAfter.isNegative() || overdueAfter.isNegative()) {
            throw new IllegalArgumentException("time point " + id + ": windows must not be negative");
        }
        if (overdueAfter.compareTo(windowAfter) > 0) {
            throw new IllegalArgumentException("time point " + id + ": overdue must come before the window closes");
        }
    }
}
