package org.openinfusion.station.clinical.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A study protocol, loaded from a versioned, human-readable file. {@code label} is what staff see
 * for the drug (blinded, e.g. "Study drug"); the arms are sealed.
 */
public record Protocol(String id, int version, String title, String label, SealedArms arms, InfusionSpec infusion,
                       Optional<Pretreatment> pretreatment, List<ScheduleEntry> schedule, VitalsSpec vitals,
                       List<AlarmLimit> alarms, List<HoldRule> holdRules, Optional<PreDoseGate> preDose,
                       DischargeCriteria discharge) {
    public Protocol {
        Objects.requireNonNull(preDose, "preDose");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arms, "arms");
        Objects.requireNonNull(infusion, "infusion");
        schedule = List.copyOf(schedule);
        alarms = List.copyOf(alarms);
        holdRules = List.copyOf(holdRules);
    }

    public Optional<ScheduleEntry> timePoint(String id) {
        return schedule.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
