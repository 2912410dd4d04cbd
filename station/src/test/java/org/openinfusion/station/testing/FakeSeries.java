package org.openinfusion.station.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.domain.Stream;

/** An in-memory time-series store holding known values, answering like the port says (window, order). */
public final class FakeSeries implements TimeSeriesReader {
    /** One stored value and the bed it belongs to. */
    public record Stored(String bed, StoredValue value) {
    }

    private final List<Stored> values = new ArrayList<>();
    private int queries;

    public FakeSeries add(String bed, String device, Stream stream, Instant time, double value) {
        values.add(new Stored(bed, new StoredValue(time, device, stream, value)));
        return this;
    }

    /** Everything held, in the order added. */
    public List<Stored> all() {
        return List.copyOf(values);
    }

    @Override
    public List<StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
        queries++;
        return values.stream().filter(s -> s.bed().equals(bed) && streams.contains(s.value().stream()))
                .map(Stored::value).filter(v -> !v.time().isBefore(from) && v.time().isBefore(to))
                .sorted(Comparator.comparing(StoredValue::time).thenComparing(StoredValue::stream)).toList();
    }

    @Override
    public List<StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
        return numerics(bed, Set.of(stream), from, to);
    }
}
