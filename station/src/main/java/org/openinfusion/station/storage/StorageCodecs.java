package org.openinfusion.station.storage;

import java.util.List;
import org.openinfusion.station.bus.LocalMessages;

/** The storage requests on the bus. */
public final class StorageCodecs implements LocalMessages {
    @Override
    public List<Class<?>> types() {
        return List.of(StoreRequest.class, StoreLines.class);
    }
}
