package org.openinfusion.station.clinical.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openinfusion.station.clinical.visit.VisitSchedule;

/**
 * A study protocol, loaded from a versioned, human-readable file. {@code label} is what staff see
 * for the drug (blinded, e.g. "Study drug"); the arms are sealed. {@code visits}: the subject's visits across days
 * (docs/visits.md), when the protocol defines them.
 */
public record Protocol(String id, int version, String title, String label, SealedArms arms, InfusionSpec infusion,
                       Optional<Pretreatment> pretreatment, List<ScheduleEntry> schedule, VitalsSpec vitals,
                       List<AlarmLimit> alarms, List<HoldRule> holdRules, Optional<PreDoseGate> preDose,
                       DischargeCriteria discharge, Optional<VisitSchedule> visits, List<AeTerm> adverseEventTerms) {
    public Protocol {
        adverseEventTerms = List.copyOf(adverseEventTerms);
        if (adverseEventTerms.stream().map(t -> t.term().toLowerCase(Locale.ROOT)).distinct().count() != adverseEventTerms.size()) {
            throw new IllegalArgumentException("adverseEventTerms: a term is listed twice");
        }
        Objects.requireNonNull(visits, "visits");
        Objects.requireNonNull(preDose, "preDose");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arms, "arms");
        Objects.requireNonNull(infusion, "infusion");
        schedule = List.copyOf(schedule);
        alarms = List.copyOf(alarms);
        holdRules = List.copyOf(holdRules);
        List<ScheduleEntry> points = schedule;
        visits.map(v -> v.infusionVisit().baselineTimePoint()).filter(tp -> points.stream().noneMatch(e -> e.id().equals(tp)))
                .ifPresent(tp -> {
                    throw new IllegalArgumentException("visits: baselineTimePoint '" + tp + "' is not a time point of the schedule");
                });
    }

    /** A protocol without a list of expected adverse event terms. */
    public Protocol(String id, int version, String title, String label, SealedArms arms, InfusionSpec infusion,
                    Optional<Pretreatment> pretreatment, List<ScheduleEntry> schedule, VitalsSpec vitals,
                    List<AlarmLimit> alarms, List<HoldRule> holdRules, Optional<PreDoseGate> preDose,
                    DischargeCriteria discharge, Optional<VisitSchedule> visits) {
        this(id, version, title, label, arms, infusion, pretreatment, schedule, vitals, alarms, holdRules, preDose, discharge,
                visits, List.of());
    }

    /** A protocol without a visit schedule (the infusion session only). */
    public Protocol(String id, int version, String title, String label, SealedArms arms, InfusionSpec infusion,
                    Optional<Pretreatment> pretreatment, List<ScheduleEntry> schedule, VitalsSpec vitals,
                    List<AlarmLimit> alarms, List<HoldRule> holdRules, Optional<PreDoseGate> preDose,
                    DischargeCriteria discharge) {
        this(id, version, title, label, arms, infusion, pretreatment, schedule, vitals, alarms, holdRules, preDose, discharge,
                Optional.empty());
    }

    public Optional<ScheduleEntry> timePoint(String id) {
        return schedule.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
