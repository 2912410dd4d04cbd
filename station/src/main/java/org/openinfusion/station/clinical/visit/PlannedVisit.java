package org.openinfusion.station.clinical.visit;

import java.util.List;
import java.util.Objects;

/**
 * One visit of a protocol's visit schedule.
 *
 * @param number the visit's place in the schedule (1, 2, ...): the base of its VISITNUM
 * @param name what staff and exports call it, e.g. "Day 1"
 * @param day days after the anchor's day (0 = the anchor's own day)
 * @param windowBeforeDays how many days early it may be done
 * @param windowAfterDays how many days late it may be done; later it is out of window (flagged)
 * @param instruments instrument ids rated at a rating visit (an infusion visit rates at its session's time points)
 * @param baselineTimePoint for an infusion visit: the session time point whose ratings are the period's baseline; else null
 */
public record PlannedVisit(int number, String id, String name, VisitKind kind, VisitAnchor anchor, int day, int windowBeforeDays,
                           int windowAfterDays, List<String> instruments, String baselineTimePoint, String source) {
    public PlannedVisit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(anchor, "anchor");
        instruments = List.copyOf(instruments);
        if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("visit id must be lower-case letters, digits and dashes: " + id);
        }
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("visit " + id + ": number must be 1-99");
        }
        if (windowBeforeDays < 0 || windowAfterDays < 0) {
            throw new IllegalArgumentException("visit " + id + ": windows are days before and after, not negative");
        }
        if (kind == VisitKind.INFUSION && anchor == VisitAnchor.FIRST_INFUSION) {
            throw new IllegalArgumentException("visit " + id + ": an infusion visit is anchored to consent (period 1) or repeats per period");
        }
        if (kind == VisitKind.RATING && instruments.isEmpty()) {
            throw new IllegalArgumentException("visit " + id + ": a rating visit names its instruments");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("visit " + id + ": source is missing");
        }
    }

    /** Whether the visit happens in every crossover period (else once). */
    public boolean perPeriod() {
        return anchor == VisitAnchor.PERIOD_INFUSION || kind == VisitKind.INFUSION;
    }
}
