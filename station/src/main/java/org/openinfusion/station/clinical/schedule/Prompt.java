package org.openinfusion.station.clinical.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A time point as the nurse sees it: instruments, due time (once known) and state. {@code overdueSince} is when it
 * became overdue (while it is overdue): its own overdue time, or, for a pre-dose (baseline) time point, the infusion
 * start if that came first, so that staff read "overdue 12 min" from that moment, never a countdown to its due time.
 * {@code notDueReason} says why a time point is not due ({@link PromptState#NOT_APPLICABLE}), e.g. "infusion ended
 * early at T+26"; it is still listed, never dropped.
 */
public record Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state, Optional<Instant> overdueSince,
                     Optional<String> notDueReason) {

    /** A prompt that is due or not yet due (no reason for being not due). */
    public Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state, Optional<Instant> overdueSince) {
        this(timePointId, instruments, due, state, overdueSince, Optional.empty());
    }

    /** A prompt that is not overdue. */
    public Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state) {
        this(timePointId, instruments, due, state, Optional.empty());
    }
}
