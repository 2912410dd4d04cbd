package org.openinfusion.station.clinical.visit;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A protocol's visits across days: the planned visits, how many crossover periods (1 for a parallel design) with the
 * washout between them, and how its measures are judged.
 */
public record VisitSchedule(int periods, Optional<Washout> washout, List<PlannedVisit> visits, List<OutcomeRule> outcomes) {
    public VisitSchedule {
        visits = List.copyOf(visits);
        outcomes = List.copyOf(outcomes);
        if (periods < 1 || periods > 9) {
            throw new IllegalArgumentException("periods must be 1-9");
        }
        if (periods > 1 && washout.isEmpty()) {
            throw new IllegalArgumentException("a crossover (periods > 1) needs a washout");
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (PlannedVisit v : visits) {
            if (!ids.add(v.id())) {
                throw new IllegalArgumentException("duplicate visit id '" + v.id() + "'");
            }
            if (!numbers.add(v.number())) {
                throw new IllegalArgumentException("duplicate visit number " + v.number());
            }
        }
        if (visits.stream().filter(v -> v.kind() == VisitKind.INFUSION).count() != 1) {
            throw new IllegalArgumentException("a visit schedule has exactly one infusion visit (repeated in each period)");
        }
        PlannedVisit infusion = visits.stream().filter(v -> v.kind() == VisitKind.INFUSION).findFirst().orElseThrow();
        if (infusion.anchor() != VisitAnchor.CONSENT) {
            throw new IllegalArgumentException("the infusion visit is anchored to consent (period 1; later periods follow the washout)");
        }
    }

    public Optional<PlannedVisit> visit(String id) {
        return visits.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public PlannedVisit infusionVisit() {
        return visits.stream().filter(v -> v.kind() == VisitKind.INFUSION).findFirst().orElseThrow();
    }

    /** The visits in period {@code p}: every visit in period 1; only the per-period ones later. */
    public List<PlannedVisit> visitsIn(int period) {
        return visits.stream().filter(v -> period == 1 || v.perPeriod()).toList();
    }

    /**
     * SDTM VISITNUM: period x 100 + number for a per-period visit (day 1 of period 2: 203); number / 100 for a once-only
     * visit (screening, number 1: 0.01), so that it sorts first and never meets an infusion session's VISITNUM (its
     * period: 1, 2, ...).
     */
    public static double visitNumber(PlannedVisit v, int period) {
        return v.perPeriod() ? period * 100 + v.number() : v.number() / 100.0;
    }
}
