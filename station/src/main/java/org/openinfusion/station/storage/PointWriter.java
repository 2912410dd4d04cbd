package org.openinfusion.station.storage;

/** The port to a time-series store: writes line protocol, synchronously. */
public interface PointWriter extends AutoCloseable {
    /** Creates the database and retention policy if missing. Throws {@link StoreUnavailableException} when unreachable. */
    void prepare();

    /**
     * Writes the lines. Throws {@link StoreUnavailableException} when the store cannot take them now (retry the same
     * lines later) and {@link PointsRejectedException} when it refuses them for good.
     */
    void write(String lineProtocol);

    /** A cheap check that the store answers now (no write); false when it does not. Never throws. */
    boolean ping();

    @Override
    void close();

    final class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    final class PointsRejectedException extends RuntimeException {
        public PointsRejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
