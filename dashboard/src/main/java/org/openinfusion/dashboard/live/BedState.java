package org.openinfusion.dashboard.live;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;

/** The latest value of every stream of one bed, as the live page shows it. Thread-safe. */
final class BedState {
    record Latest(String text, Instant deviceTime) {
    }

    private final Map<Stream, Latest> latest = new ConcurrentHashMap<>();
    private final Map<String, Boolean> devicesOnline = new ConcurrentHashMap<>();

    void update(NumericSample s) {
        latest.put(s.stream(), new Latest(format(s.value()), s.deviceTime()));
    }

    void update(StateSample s) {
        latest.put(s.stream(), new Latest(s.value(), s.deviceTime()));
    }

    void device(String deviceId, boolean online) {
        devicesOnline.put(deviceId, online);
    }

    Optional<Latest> get(Stream stream) {
        return Optional.ofNullable(latest.get(stream));
    }

    Map<String, Boolean> devices() {
        return Map.copyOf(devicesOnline);
    }

    static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 0.05 ? String.valueOf(Math.round(v)) : String.format("%.1f", v);
    }
}
