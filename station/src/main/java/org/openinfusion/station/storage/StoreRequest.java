package org.openinfusion.station.storage;

import java.util.List;
import org.openinfusion.station.domain.Observation;

/**
 * Observations from one incoming message, to be made durable before the message is acknowledged.
 * {@code revisions} is empty (every observation revision 0) or holds one revision per observation:
 * above 0 for a sample kept beside a stored one with the same identity (docs/storage.md, "Identity").
 */
public record StoreRequest(List<Observation> observations, List<Integer> revisions) {
    public StoreRequest {
        observations = List.copyOf(observations);
        revisions = List.copyOf(revisions);
        if (!revisions.isEmpty() && revisions.size() != observations.size()) {
            throw new IllegalArgumentException(revisions.size() + " revisions for " + observations.size() + " observations");
        }
    }

    public StoreRequest(List<Observation> observations) {
        this(observations, List.of());
    }

    public int revision(int i) {
        return revisions.isEmpty() ? 0 : revisions.get(i);
    }
}
