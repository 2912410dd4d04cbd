package org.openinfusion.station.clinical.export;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.port.TimeSeriesReader.BucketExtremes;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.domain.Stream;

/**
 * A session's device clocks as its trail recorded them (device.clock_offset entries): the store holds each value at its
 * device's time, the exports show it at station time = device time + the offset in effect (the last one recorded at
 * or before that station time, else the first one recorded; none recorded: the device time as it is). Review reads
 * the store through it as well, so that its timeline, vitals and waveforms agree with the exports.
 */
public final class DeviceClocks {
    private final Map<String, List<TrailEvent.DeviceClockOffset>> byDevice = new LinkedHashMap<>();

    public DeviceClocks(SessionHistory history) {
        for (SessionHistory.Fact<TrailEvent.DeviceClockOffset> f : history.clockOffsets()) {
            byDevice.computeIfAbsent(f.event().device(), d -> new ArrayList<>()).add(f.event());
        }
    }

    /** The offset of {@code device}'s clock in effect for a value it stamped {@code deviceTime}. */
    Duration offset(String device, Instant deviceTime) {
        List<TrailEvent.DeviceClockOffset> offsets = byDevice.get(device);
        if (offsets == null) {
            return Duration.ZERO;
        }
        TrailEvent.DeviceClockOffset inEffect = offsets.getFirst();
        for (TrailEvent.DeviceClockOffset o : offsets) {
            if (!deviceTime.plusMillis(o.offsetMillis()).isBefore(o.at())) {
                inEffect = o;
            }
        }
        return Duration.ofMillis(inEffect.offsetMillis());
    }

    /** A stored device time at station time. */
    Instant corrected(String device, Instant deviceTime) {
        return deviceTime.plus(offset(device, deviceTime));
    }

    /** The smallest and the largest offset recorded (zero included). */
    private Duration least() {
        return byDevice.values().stream().flatMap(List::stream).map(o -> Duration.ofMillis(o.offsetMillis()))
                .min(Comparator.naturalOrder()).filter(d -> d.isNegative()).orElse(Duration.ZERO);
    }

    private Duration most() {
        return byDevice.values().stream().flatMap(List::stream).map(o -> Duration.ofMillis(o.offsetMillis()))
                .max(Comparator.naturalOrder()).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }

    /**
     * The stored numerics of {@code streams} on the bed whose station time is in [from, to), at station time, ordered by
     * it (the store is asked for the window widened by the offsets recorded).
     */
    public List<StoredValue> numerics(TimeSeriesReader series, String bed, Set<Stream> streams, Instant from, Instant to) {
        return atStationTime(series.numerics(bed, streams, from.minus(most()), to.minus(least())), from, to);
    }

    /** How many values of each stream the store holds for the window (widened by the offsets recorded, as the reads). */
    public Map<Stream, Long> numericCounts(TimeSeriesReader series, String bed, Set<Stream> streams, Instant from, Instant to) {
        return series.numericCounts(bed, streams, from.minus(most()), to.minus(least()));
    }

    /**
     * Each stream's lowest and highest value per device and bucket (TimeSeriesReader#numericExtremes), each bucket's
     * start moved to station time by its device's offset in effect then; the buckets that reach into [from, to),
     * ordered by their start at station time.
     */
    public List<BucketExtremes> numericExtremes(TimeSeriesReader series, String bed, Set<Stream> streams, Instant from, Instant to,
                                                Duration bucket) {
        List<BucketExtremes> out = new ArrayList<>();
        for (BucketExtremes b : series.numericExtremes(bed, streams, from.minus(most()), to.minus(least()), bucket)) {
            Instant t = corrected(b.device(), b.start());
            if (t.plus(bucket).isAfter(from) && t.isBefore(to)) {
                out.add(new BucketExtremes(t, b.device(), b.stream(), b.min(), b.max()));
            }
        }
        out.sort(Comparator.comparing(BucketExtremes::start));
        return out;
    }

    /** The stored samples of one waveform with station time in [from, to), at station time, ordered by it. */
    public List<StoredValue> waveform(TimeSeriesReader series, String bed, Stream stream, Instant from, Instant to) {
        return atStationTime(series.waveform(bed, stream, from.minus(most()), to.minus(least())), from, to);
    }

    /** The values whose corrected time is in [from, to), at that time, ordered by it. */
    private List<StoredValue> atStationTime(List<StoredValue> stored, Instant from, Instant to) {
        List<StoredValue> out = new ArrayList<>();
        for (StoredValue v : stored) {
            Instant t = corrected(v.device(), v.time());
            if (!t.isBefore(from) && t.isBefore(to)) {
                out.add(new StoredValue(t, v.device(), v.stream(), v.value()));
            }
        }
        out.sort(Comparator.comparing(StoredValue::time));
        return out;
    }
}
