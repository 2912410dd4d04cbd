package org.openinfusion.dashboard.devices;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openinfusion.dashboard.Text;
import org.openinfusion.dashboard.feed.ClosedPages;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.health.HealthSnapshot;

/** What the devices page listens to: health snapshots (device states) and the values the listed devices (serial and MQTT) send. */
final class DeviceFeed implements AutoCloseable {
    private final Clock clock;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final Map<String, Map<String, String>> latest = new TreeMap<>();
    private final Map<String, Instant> heard = new HashMap<>();
    private volatile HealthSnapshot health;
    private volatile HealthSnapshot before;

    DeviceFeed(Vertx vertx, Clock clock) {
        this.clock = clock;
        var bus = vertx.eventBus();
        consumers.add(bus.<HealthSnapshot>localConsumer(Addresses.HEALTH, m -> {
            before = health;
            health = m.body();
        }));
        consumers.add(ClosedPages.quietWhenClosed(bus.<NumericSample>localConsumer(Addresses.NUMERIC, m -> note(m.body()))));
        consumers.add(bus.<StateSample>localConsumer(Addresses.STATE, m -> note(m.body())));
        consumers.add(ClosedPages.quietWhenClosed(bus.<WaveformChunk>localConsumer(Addresses.WAVEFORM, m -> note(m.body()))));
    }

    /** The latest decoded value of each stream of each listed device (serial or MQTT), with when it came. */
    private void note(Observation o) {
        HealthSnapshot h = health;
        if (h == null) {
            return;
        }
        Set<String> listed = h.devices().stream().map(d -> d.name()).collect(Collectors.toSet());
        if (!listed.contains(o.source().deviceId()) && !listed.contains(o.source().toString())) {
            return;
        }
        String value = switch (o) {
            case NumericSample n -> number(n.value()) + unit(n.stream());
            case StateSample st -> st.value();
            case WaveformChunk w -> w.valueCount() + " samples at " + number(w.sampleRateHz()) + " Hz";
        };
        synchronized (latest) {
            latest.computeIfAbsent(o.source().toString(), k -> new TreeMap<>()).put(o.stream().key(), value);
            heard.put(o.source().toString(), o.receiveTime());
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String unit(Stream s) {
        String u = s.unit().replace("mm[Hg]", "mmHg");
        return u.isEmpty() || u.equals("1") ? "" : " " + u;
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

    /**
     * One line per device that sent values, in name order: the device, when its last value came (site clock time), and
     * the latest value of each stream it sends, e.g. "bed-01/monitor (10:03:02): hr 74 /min, spo2 98 %, ecg_ii 62 samples at 250 Hz".
     */
    List<String> latestValues() {
        DateTimeFormatter clockTime = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Text.zone());
        synchronized (latest) {
            List<String> out = new ArrayList<>();
            latest.forEach((device, values) -> out.add(device + " (" + clockTime.format(heard.get(device)) + "): "
                    + values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            return out;
        }
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
    }
}
