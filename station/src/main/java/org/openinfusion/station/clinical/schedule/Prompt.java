package org.openinfusion.station.clinical.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openinfusion.station.clinical.protocol.Anchor;

/**
 * A time point as the nurse sees it: instruments, due time (once known) and state. {@code overdueSince} is when it
 * became overdue (while it is overdue): its own overdue time, or, for a pre-dose (baseline) time point, the infusion
 * start if that came first, so that staff read "overdue 12 min" from that moment, never a countdown to its due time.
 * {@code notDueReason} says why a time point is not due ({@link PromptState#NOT_APPLICABLE}), e.g. "infusion ended
 * early at T+26"; it is still listed, never dropped. {@code waitingFor} is what a time point without a due time yet
 * counts from (the infusion start, the end of the infusion...), so that staff read what it waits for.
 */
public record Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state, Optional<Instant> overdueSince,
                     Optional<String> notDueReason, Optional<Anchor> waitingFor) {

    /** A prompt whose anchor is not said. */
    public Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state, Optional<Instant> overdueSince,
                  Optional<String> notDueReason) {
        this(timePointId, instruments, due, state, overdueSince, notDueReason, Optional.empty());
    }

    /** A prompt that is due or not yet due (no reason for being not due). */
    public Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state, Optional<Instant> overdueSince) {
        this(timePointId, instruments, due, state, overdueSince, Optional.empty());
    }

    /** A prompt that is not overdue. */
    public Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state) {
        this(timePointId, instruments, due, state, Optional.empty());
    }
}
