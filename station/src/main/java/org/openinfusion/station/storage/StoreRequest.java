package org.openinfusion.station.storage;

import java.util.List;
import org.openinfusion.station.domain.Observation;

/** Observations from one incoming message, to be made durable before the message is acknowledged. */
public record StoreRequest(List<Observation> observations) {
    public StoreRequest {
        observations = List.copyOf(observations);
    }
}
