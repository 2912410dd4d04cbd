package org.openinfusion.dashboard.devices;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.health.HealthSnapshot;

/** What the devices page listens to: health snapshots (device states) and the values serial devices decode. */
final class DeviceFeed implements AutoCloseable {
    private static final int RECENT = 25;

    private final Clock clock;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final Deque<String> recent = new ArrayDeque<>();
    private volatile HealthSnapshot health;
    private volatile HealthSnapshot before;

    DeviceFeed(Vertx vertx, Clock clock) {
        this.clock = clock;
        var bus = vertx.eventBus();
        consumers.add(bus.<HealthSnapshot>localConsumer(Addresses.HEALTH, m -> {
            before = health;
            health = m.body();
        }));
        consumers.add(bus.<NumericSample>localConsumer(Addresses.NUMERIC, m -> note(m.body())));
        consumers.add(bus.<StateSample>localConsumer(Addresses.STATE, m -> note(m.body())));
        consumers.add(bus.<WaveformChunk>localConsumer(Addresses.WAVEFORM, m -> note(m.body())));
    }

    private void note(Observation o) {
        HealthSnapshot h = health;
        if (h == null) {
            return;
        }
        Set<String> serial = h.devices().stream().map(d -> d.name()).collect(Collectors.toSet());
        if (!serial.contains(o.source().deviceId())) {
            return;
        }
        String value = switch (o) {
            case NumericSample n -> String.valueOf(n.value());
            case StateSample s -> s.value();
            case WaveformChunk w -> w.valueCount() + " samples @ " + w.sampleRateHz() + " Hz";
        };
        synchronized (recent) {
            recent.addFirst(o.receiveTime() + "  " + o.source() + "  " + o.stream().key() + "  " + value + "  seq " + o.seq());
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
    }

    boolean hasHealth() {
        return health != null;
    }

    List<DeviceStatusSnapshot> devices() {
        HealthSnapshot h = health;
        return h == null ? List.of() : h.devices();
    }

    List<DeviceRow> rows() {
        HealthSnapshot now = health;
        HealthSnapshot then = before;
        if (now == null) {
            return List.of();
        }
        double seconds = then == null ? 0 : Duration.between(then.time(), now.time()).toMillis() / 1000.0;
        Map<String, DeviceStatusSnapshot> old = new HashMap<>();
        if (then != null) {
            then.devices().forEach(d -> old.put(d.name(), d));
        }
        Instant at = clock.instant();
        return now.devices().stream().map(d -> DeviceRow.of(d, old.get(d.name()), seconds, at)).toList();
    }

    List<String> recentValues() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
    }
}
