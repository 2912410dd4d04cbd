package org.openinfusion.station.storage.compact;

import java.util.List;
import org.openinfusion.station.domain.Observation;

/** One decoded journal entry: the observations of one incoming message, or ready-made line protocol. */
public sealed interface CompactEntry {
    /** Observations, each with its revision (0, or above 0 for a sample kept beside a stored one). */
    record Observations(List<Observation> observations, List<Integer> revisions) implements CompactEntry {
        public Observations {
            observations = List.copyOf(observations);
            revisions = List.copyOf(revisions);
            if (revisions.size() != observations.size()) {
                throw new IllegalArgumentException(revisions.size() + " revisions for " + observations.size() + " observations");
            }
        }
    }

    /** Line protocol stored as it came (e.g. the audit trail's mirror). */
    record Lines(String lineProtocol) implements CompactEntry {
    }
}
