package org.openinfusion.station.clinical.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 */
public final class RatingSchedule {
    private final List<ScheduleEntry> entries;
    private final Map<String, PromptState> states = new LinkedHashMap<>();

    public RatingSchedule(List<ScheduleEntry> entries) {
        this.entries = List.copyOf(entries);
        entries.forEach(e -> states.put(e.id(), PromptState.WAITING));
    }

    /** Brings every prompt up to {@code now}, given the anchors that happened and the time points completed. */
    public List<PromptTransition> advance(Instant now, Map<Anchor, Instant> anchors, Set<String> completed) {
        List<PromptTransition> out = new ArrayList<>();
        for (ScheduleEntry e : entries) {
            PromptState before = states.get(e.id());
            if (before == PromptState.COMPLETED || before == PromptState.MISSED) {
                continue;
            }
            Optional<Instant> due = due(e, anchors);
            for (Step step : steps(e, due, completed.contains(e.id()), now)) {
                if (step.state().ordinal() > states.get(e.id()).ordinal() || step.state() == PromptState.COMPLETED) {
                    out.add(new PromptTransition(e.id(), states.get(e.id()), step.state(), step.at()));
                    states.put(e.id(), step.state());
                }
            }
        }
        out.sort(Comparator.comparing(PromptTransition::at));
        return out;
    }

    private record Step(PromptState state, Instant at) {
    }

    private static List<Step> steps(ScheduleEntry e, Optional<Instant> due, boolean completed, Instant now) {
        List<Step> steps = new ArrayList<>();
        if (due.isEmpty()) {
            return steps;
        }
        Instant d = due.get();
        steps.add(new Step(PromptState.SCHEDULED, min(now, d.minus(e.windowBefore()))));
        Instant open = d.minus(e.windowBefore());
        Instant overdue = d.plus(e.overdueAfter());
        Instant missed = d.plus(e.windowAfter());
        if (completed) {
            steps.add(new Step(PromptState.COMPLETED, now));
            return steps;
        }
        if (!now.isBefore(open)) {
            steps.add(new Step(PromptState.DUE, open));
        }
        if (now.isAfter(overdue) && e.overdueAfter().compareTo(e.windowAfter()) < 0) {
            steps.add(new Step(PromptState.OVERDUE, overdue));
        }
        if (now.isAfter(missed)) {
            steps.add(new Step(PromptState.MISSED, missed));
        }
        return steps;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Optional<Instant> due(ScheduleEntry e, Map<Anchor, Instant> anchors) {
        return Optional.ofNullable(anchors.get(e.anchor())).map(a -> a.plus(e.offset()));
    }

    /** Every prompt with its due time and current state, in schedule order. */
    public List<Prompt> prompts(Map<Anchor, Instant> anchors) {
        return entries.stream().map(e -> new Prompt(e.id(), e.instruments(), due(e, anchors), states.get(e.id()))).toList();
    }

    public PromptState state(String timePointId) {
        PromptState s = states.get(timePointId);
        if (s == null) {
            throw new IllegalArgumentException("no time point '" + timePointId + "'");
        }
        return s;
    }
}
