package org.openinfusion.station.clinical.schedule;

import java.time.Instant;

/** A time point changed state at {@code at} (the exact boundary, not when it was noticed). */
public record PromptTransition(String timePointId, PromptState from, PromptState to, Instant at) {
}
