package org.openinfusion.station.clinical.port;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openinfusion.station.domain.Stream;

/**
 * Reads back what the station stored, for review and export. Times are device times as stored. Implementations
 * block on the network: call them from a worker thread. A store that cannot answer throws
 * {@link StoreUnavailableException} with a message fit to show a user.
 */
public interface TimeSeriesReader {
    /** Numeric values of {@code streams} on {@code bed} with from <= time < to, ordered by time. */
    List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to);

    /** Every stored sample of one waveform stream on {@code bed} with from <= time < to, ordered by time. */
    List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to);

    /** One stored value: device time, the device that sent it, its stream and value (in the stream's UCUM unit). */
    record StoredValue(Instant time, String device, Stream stream, double value) {
    }

    /** The store did not answer (down, unreachable, or refused the query). */
    final class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
