package org.openinfusion.dashboard.live;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;

/** The latest value of every stream of one bed, as the live page shows it. Thread-safe. */
public final class BedState {
    public record Latest(String text, Instant deviceTime, double value) {
    }

    private final Map<Stream, Latest> latest = new ConcurrentHashMap<>();
    private final Map<String, Boolean> devicesOnline = new ConcurrentHashMap<>();

    void update(NumericSample s) {
        latest.put(s.stream(), new Latest(format(s.value()), s.deviceTime(), s.value()));
    }

    void update(StateSample s) {
        latest.put(s.stream(), new Latest(s.value(), s.deviceTime(), Double.NaN));
    }

    void device(String deviceId, boolean online) {
        devicesOnline.put(deviceId, online);
    }

    public Optional<Latest> get(Stream stream) {
        return Optional.ofNullable(latest.get(stream));
    }

    public Map<String, Boolean> devices() {
        return Map.copyOf(devicesOnline);
    }

    static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 0.05 ? String.valueOf(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
