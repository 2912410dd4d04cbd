package org.openinfusion.station.clinical.review;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.domain.Stream;

/** The store when the station has none (e.g. influxd not installed): every read fails with the reason. */
public record NoTimeSeries(String reason) implements TimeSeriesReader {
    @Override
    public List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
        throw new StoreUnavailableException(reason, null);
    }

    @Override
    public List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
        throw new StoreUnavailableException(reason, null);
    }
}
