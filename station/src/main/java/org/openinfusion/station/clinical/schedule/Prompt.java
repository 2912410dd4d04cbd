package org.openinfusion.station.clinical.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A time point as the nurse sees it: instruments, due time (once known) and state. */
public record Prompt(String timePointId, List<String> instruments, Optional<Instant> due, PromptState state) {
}
