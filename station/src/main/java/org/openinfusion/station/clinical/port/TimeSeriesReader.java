package org.openinfusion.station.clinical.port;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Each stream's lowest and highest value (per device) in each bucket of length {@code bucket} that holds values with
     * from <= time < to; buckets start at whole multiples of {@code bucket} since the epoch (as InfluxQL's
     * {@code GROUP BY time}), empty ones are left out; ordered by bucket start. This default reads every value and
     * reduces them in memory; a store that can aggregate does it on its side.
     */
    default List<BucketExtremes> numericExtremes(String bed, Set<Stream> streams, Instant from, Instant to, Duration bucket) {
        long width = bucket.toNanos() / 1000;
        if (width <= 0) {
            throw new IllegalArgumentException("a bucket must be at least a microsecond, got " + bucket);
        }
        Map<String, BucketExtremes> byBucket = new LinkedHashMap<>();
        for (StoredValue v : numerics(bed, streams, from, to)) {
            long micros = Math.addExact(Math.multiplyExact(v.time().getEpochSecond(), 1_000_000L), v.time().getNano() / 1000);
            long start = Math.floorDiv(micros, width) * width;
            byBucket.merge(start + "|" + v.stream().key() + "|" + v.device(),
                    new BucketExtremes(Instant.EPOCH.plusNanos(start * 1000), v.device(), v.stream(), v.value(), v.value()),
                    (a, b) -> new BucketExtremes(a.start(), a.device(), a.stream(), Math.min(a.min(), b.min()), Math.max(a.max(), b.max())));
        }
        List<BucketExtremes> out = new ArrayList<>(byBucket.values());
        out.sort(Comparator.comparing(BucketExtremes::start).thenComparing(BucketExtremes::stream).thenComparing(BucketExtremes::device));
        return out;
    }

    /** How many values of each of {@code streams} are stored on {@code bed} with from <= time < to (absent: none). */
    default Map<Stream, Long> numericCounts(String bed, Set<Stream> streams, Instant from, Instant to) {
        Map<Stream, Long> out = new EnumMap<>(Stream.class);
        numerics(bed, streams, from, to).forEach(v -> out.merge(v.stream(), 1L, Long::sum));
        return out;
    }

    /** The lowest and the highest value one device stored for one stream in the bucket starting at {@code start}. */
    record BucketExtremes(Instant start, String device, Stream stream, double min, double max) {
    }

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
