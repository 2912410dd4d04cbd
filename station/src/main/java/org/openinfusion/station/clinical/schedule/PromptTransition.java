package org.openinfusion.station.clinical.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A time point changed state at {@code at} (the exact boundary, not when it was noticed). {@code reason} says why a
 * time point is not due ({@link PromptState#NOT_APPLICABLE}, e.g. "infusion ended early at T+26"); empty otherwise.
 */
public record PromptTransition(String timePointId, PromptState from, PromptState to, Instant at, String reason) {
    public PromptTransition {
        Objects.requireNonNull(reason, "reason");
    }

    /** A change without a reason (every change but "not due"). */
    public PromptTransition(String timePointId, PromptState from, PromptState to, Instant at) {
        this(timePointId, from, to, at, "");
    }
}
