package org.openinfusion.station.storage;

/** Stands in for a store that cannot exist (e.g. influxd is not installed): data stays in the durable buffer. */
public final class UnavailableStore implements PointWriter {
    private final String reason;

    public UnavailableStore(String reason) {
        this.reason = reason;
    }

    @Override
    public void prepare() {
        throw new StoreUnavailableException(reason, null);
    }

    @Override
    public void write(String lineProtocol) {
        throw new StoreUnavailableException(reason, null);
    }

    @Override
    public boolean ping() {
        return false;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
