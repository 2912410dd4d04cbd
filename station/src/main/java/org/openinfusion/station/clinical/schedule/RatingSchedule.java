package org.openinfusion.station.clinical.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;

/**
 * Turns the protocol's schedule into prompts: due at anchor + offset, open from windowBefore
 * earlier, overdue after overdueAfter, missed after windowAfter. {@link #advance} reports every
 * state change since the last call, each at its exact boundary time. Pure; time comes in.
 * <p>
 * A pre-dose (baseline) time point, one anchored to the session start or to the pretreatment no later than the
 * pretreatment lead (e.g. Williams 2018: the capsule + 45 min, just before the infusion), is due before dosing whatever
 * its anchor: it opens at the baseline step (a nurse may rate early, even before the capsule), and once the infusion has
 * started it is overdue, also when the start came before its scheduled time (an early start over the capsule lead).
 * <p>
 * No change is stamped before its anchor was known: the end of the infusion is learned when it happens, so the
 * end-of-infusion prompt (open from 5 min before the end) becomes due at the end, not 5 min earlier (which, after a
 * short infusion, placed it before the session was created).
 * <p>
 * A time point <em>during the infusion</em> (anchored to the infusion start, its offset before the planned infusion
 * duration: e.g. T+20 CADSS-6/VAS of a 40-min infusion) whose due time comes after the infusion has ended (an early
 * stop) can no longer be rated during the infusion: it becomes {@link PromptState#NOT_APPLICABLE} at the end, with the
 * reason "infusion ended early at T+26" (minutes from the start to the end). It is not re-anchored: the end-of-infusion
 * rating is the time point anchored to the infusion end, which follows the actual end. Time points after the planned
 * infusion (T+80, T+120, ...) keep their times. One rated before the end stays completed.
 */
public final class RatingSchedule {
    private final List<ScheduleEntry> entries;
    private final Duration pretreatmentLead;
    private final Duration plannedInfusion;
    /** Why each time point is not due (those {@link PromptState#NOT_APPLICABLE}). */
    private final Map<String, String> notDue = new LinkedHashMap<>();
    private final Map<String, PromptState> states = new LinkedHashMap<>();
    /** When each time point became overdue (its boundary time, as reported by {@link #advance}). */
    private final Map<String, Instant> overdueAt = new LinkedHashMap<>();
    /** When {@link #advance} was first given each anchor. */
    private final Map<Anchor, Instant> anchorSeen = new EnumMap<>(Anchor.class);

    /** A schedule without a pretreatment lead: only time points anchored to the session start are pre-dose. */
    public RatingSchedule(List<ScheduleEntry> entries) {
        this(entries, Duration.ZERO);
    }

    /** @param pretreatmentLead the protocol's pretreatment lead (zero without a pretreatment) */
    public RatingSchedule(List<ScheduleEntry> entries, Duration pretreatmentLead) {
        this(entries, pretreatmentLead, Duration.ZERO);
    }

    /**
     * @param pretreatmentLead the protocol's pretreatment lead (zero without a pretreatment)
     * @param plannedInfusion  the planned infusion duration: a time point anchored to the infusion start before it is
     *                         during the infusion (zero: none is)
     */
    public RatingSchedule(List<ScheduleEntry> entries, Duration pretreatmentLead, Duration plannedInfusion) {
        this.entries = List.copyOf(entries);
        this.pretreatmentLead = pretreatmentLead;
        this.plannedInfusion = plannedInfusion;
        entries.forEach(e -> states.put(e.id(), PromptState.WAITING));
    }

    /** Whether the time point is a pre-dose (baseline) rating: anchored to the session start, or to the pretreatment within its lead. */
    public boolean preDose(ScheduleEntry e) {
        return e.anchor() == Anchor.SESSION_START
                || e.anchor() == Anchor.PRETREATMENT && e.offset().compareTo(pretreatmentLead) <= 0;
    }

    /** Whether the time point is rated during the infusion: anchored to its start, before the planned duration. */
    public boolean duringInfusion(ScheduleEntry e) {
        return e.anchor() == Anchor.INFUSION_START && e.offset().compareTo(plannedInfusion) < 0;
    }

    /** The reason a during-infusion time point is not due after an early end: "infusion ended early at T+26" (whole minutes). */
    public static String endedEarly(Instant infusionStart, Instant infusionEnd) {
        return "infusion ended early at T+" + Duration.between(infusionStart, infusionEnd).toMinutes();
    }

    /** Why the time point is not due: the infusion ended before its due time, for one during the infusion. */
    private Optional<String> endedBefore(ScheduleEntry e, Map<Anchor, Instant> anchors) {
        Instant start = anchors.get(Anchor.INFUSION_START);
        Instant end = anchors.get(Anchor.INFUSION_END);
        if (!duringInfusion(e) || start == null || end == null || !start.plus(e.offset()).isAfter(end)) {
            return Optional.empty();
        }
        return Optional.of(endedEarly(start, end));
    }

    /** Brings every prompt up to {@code now}, given the anchors that happened and the time points completed. */
    public List<PromptTransition> advance(Instant now, Map<Anchor, Instant> anchors, Set<String> completed) {
        anchors.keySet().forEach(a -> anchorSeen.putIfAbsent(a, now));
        List<PromptTransition> out = new ArrayList<>();
        for (ScheduleEntry e : entries) {
            PromptState before = states.get(e.id());
            if (before == PromptState.COMPLETED || before == PromptState.MISSED || before == PromptState.NOT_APPLICABLE) {
                continue;
            }
            Optional<String> notDueBecause = completed.contains(e.id()) ? Optional.empty() : endedBefore(e, anchors);
            if (notDueBecause.isPresent()) {
                out.add(new PromptTransition(e.id(), before, PromptState.NOT_APPLICABLE, anchors.get(Anchor.INFUSION_END), notDueBecause.get()));
                states.put(e.id(), PromptState.NOT_APPLICABLE);
                notDue.put(e.id(), notDueBecause.get());
                continue;
            }
            Optional<Instant> due = due(e, anchors);
            Optional<Instant> begun = Optional.ofNullable(anchors.get(Anchor.SESSION_START));
            List<Step> steps = preDose(e) && begun.isPresent()
                    ? preDoseSteps(e, due, begun.get(), Optional.ofNullable(anchors.get(Anchor.INFUSION_START)), completed.contains(e.id()), now)
                    : steps(e, due, completed.contains(e.id()), now, known(e.anchor(), anchors));
            for (Step step : steps) {
                if (step.state().ordinal() > states.get(e.id()).ordinal() || step.state() == PromptState.COMPLETED) {
                    out.add(new PromptTransition(e.id(), states.get(e.id()), step.state(), step.at()));
                    states.put(e.id(), step.state());
                    if (step.state() == PromptState.OVERDUE) {
                        overdueAt.put(e.id(), step.at());
                    }
                }
            }
        }
        out.sort(Comparator.comparing(PromptTransition::at));
        return out;
    }

    private record Step(PromptState state, Instant at) {
    }

    /**
     * Since when the schedule could know the anchor: its time, or when it was first given it if that was earlier (an
     * anchor given ahead). An anchor that is an event (the end of the infusion) is learned when it happens, so a window
     * reaching back before it (open 5 min before the end) cannot have opened before it: nothing is stamped earlier.
     */
    private Optional<Instant> known(Anchor anchor, Map<Anchor, Instant> anchors) {
        return Optional.ofNullable(anchors.get(anchor)).map(t -> min(t, anchorSeen.getOrDefault(anchor, t)));
    }

    private static List<Step> steps(ScheduleEntry e, Optional<Instant> due, boolean completed, Instant now, Optional<Instant> known) {
        List<Step> steps = new ArrayList<>();
        if (due.isEmpty()) {
            return steps;
        }
        Instant floor = known.orElse(Instant.MIN);
        Instant d = due.get();
        Instant open = d.minus(e.windowBefore());
        steps.add(new Step(PromptState.SCHEDULED, max(floor, min(now, open))));
        Instant overdue = d.plus(e.overdueAfter());
        Instant missed = d.plus(e.windowAfter());
        if (completed) {
            steps.add(new Step(PromptState.COMPLETED, now));
            return steps;
        }
        if (!now.isBefore(open)) {
            steps.add(new Step(PromptState.DUE, max(floor, open)));
        }
        if (now.isAfter(overdue) && e.overdueAfter().compareTo(e.windowAfter()) < 0) {
            steps.add(new Step(PromptState.OVERDUE, max(floor, overdue)));
        }
        if (now.isAfter(missed)) {
            steps.add(new Step(PromptState.MISSED, max(floor, missed)));
        }
        return steps;
    }

    /**
     * A pre-dose time point: open from the baseline step (or its own window, if earlier), overdue at its own overdue time
     * or at the infusion start, whichever is first, missed when its own window closes.
     */
    private static List<Step> preDoseSteps(ScheduleEntry e, Optional<Instant> due, Instant begun, Optional<Instant> infusionStart,
                                           boolean completed, Instant now) {
        List<Step> steps = new ArrayList<>();
        Instant open = due.map(d -> min(begun, d.minus(e.windowBefore()))).orElse(begun);
        if (due.isPresent()) {
            steps.add(new Step(PromptState.SCHEDULED, min(now, open)));
        }
        if (completed) {
            steps.add(new Step(PromptState.COMPLETED, now));
            return steps;
        }
        if (now.isBefore(open)) {
            return steps;
        }
        steps.add(new Step(PromptState.DUE, open));
        Optional<Instant> missed = due.map(d -> d.plus(e.windowAfter()));
        Optional<Instant> ownOverdue = due.filter(d -> e.overdueAfter().compareTo(e.windowAfter()) < 0).map(d -> d.plus(e.overdueAfter()))
                .filter(now::isAfter);
        Optional<Instant> dosed = infusionStart.filter(t -> !now.isBefore(t));
        Optional<Instant> overdue = ownOverdue.isPresent() && dosed.isPresent() ? Optional.of(min(ownOverdue.get(), dosed.get()))
                : ownOverdue.or(() -> dosed);
        if (overdue.isPresent() && missed.map(m -> overdue.get().isBefore(m)).orElse(true)) {
            steps.add(new Step(PromptState.OVERDUE, overdue.get()));
        }
        if (missed.isPresent() && now.isAfter(missed.get())) {
            steps.add(new Step(PromptState.MISSED, missed.get()));
        }
        return steps;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Optional<Instant> due(ScheduleEntry e, Map<Anchor, Instant> anchors) {
        return Optional.ofNullable(anchors.get(e.anchor())).map(a -> a.plus(e.offset()));
    }

    /**
     * Every prompt with its due time, current state, (while overdue) since when and (when not due) why, in schedule
     * order: a time point not due is listed with its reason, never left out.
     */
    public List<Prompt> prompts(Map<Anchor, Instant> anchors) {
        return entries.stream().map(e -> {
            Optional<Instant> due = due(e, anchors);
            return new Prompt(e.id(), e.instruments(), due, states.get(e.id()),
                    Optional.ofNullable(overdueAt.get(e.id())).filter(t -> states.get(e.id()) == PromptState.OVERDUE),
                    Optional.ofNullable(notDue.get(e.id())), due.isEmpty() ? Optional.of(e.anchor()) : Optional.<Anchor>empty());
        }).toList();
    }

    public PromptState state(String timePointId) {
        PromptState s = states.get(timePointId);
        if (s == null) {
            throw new IllegalArgumentException("no time point '" + timePointId + "'");
        }
        return s;
    }
}
