package org.openinfusion.station.health;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.openinfusion.station.domain.DeviceStatusSnapshot;

/**
 * The health counters of {@code GET /health} in Prometheus' text format ({@code GET /metrics}), through a Micrometer
 * Prometheus registry. Each scrape computes a fresh {@link HealthSnapshot} (as /health does) and the meters read it: the
 * station's totals since start as counters ({@code _total}), its states and levels as gauges; per stream, reject reason
 * and device as labels. Names and meanings: docs/operations.md ("Metrics").
 */
final class StatusMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<HealthSnapshot> health;
    private final AtomicReference<HealthSnapshot> last = new AtomicReference<>();
    private final Set<String> registered = new HashSet<>();

    StatusMetrics(Supplier<HealthSnapshot> health) {
        this.health = health;
        gauge("station.up", "1 when broker, store, disk and audit trail are fine (as /health's 200)", s -> flag(s.healthy()));
        gauge("station.broker.connected", "1 while the MQTT broker is connected", s -> flag(s.brokerConnected()));
        gauge("station.store.reachable", "1 while the time-series store answers", s -> flag(s.storeReachable()));
        gauge("station.buffer.pending.bytes", "bytes in the durable buffer not yet in the store", s -> s.bufferPendingBytes());
        gauge("station.buffer.capacity.bytes", "the durable buffer's capacity", s -> s.bufferCapacityBytes());
        gauge("station.disk.free.bytes", "free space of the fullest watched folder", s -> s.diskFreeBytes());
        gauge("station.disk.low", "1 while DISK_LOW is raised", s -> flag(s.diskLow()));
        gauge("station.audit.available", "1 while the audit trail can be written", s -> flag(s.auditAvailable()));
        counter("station.sequence.missing", "sequence numbers missing since start", HealthSnapshot::sequenceMissing);
        counter("station.sequence.repeated", "sequence numbers seen twice since start", HealthSnapshot::sequenceRepeated);
        counter("station.points.written", "points written to the store since start", HealthSnapshot::pointsWritten);
        counter("station.points.dead.lettered", "points the store refused, kept in the dead-letter file", HealthSnapshot::pointsDeadLettered);
        counter("station.broker.disconnects", "broker connections lost since start", HealthSnapshot::brokerDisconnects);
    }

    /** A scrape: the meters as Prometheus' text exposition format (version 0.0.4). */
    synchronized String scrape() {
        HealthSnapshot s = health.get();
        last.set(s);
        labelled(s.valuesTotal(), "station.values", "values received since start", "stream", HealthSnapshot::valuesTotal, true);
        labelled(s.valuesPerSecond(), "station.values.per.second", "values received per second (last interval)", "stream",
                HealthSnapshot::valuesPerSecond, false);
        labelled(s.rejects(), "station.rejects", "values or messages rejected since start", "reason", HealthSnapshot::rejects, true);
        labelled(s.timeCollisions(), "station.time.collisions", "stored times shared by two values (kept beside each other)", "stream",
                HealthSnapshot::timeCollisions, true);
        for (DeviceStatusSnapshot d : s.devices()) {
            if (registered.add("device\n" + d.name())) {
                String name = d.name();
                Gauge.builder("station.device.connected", last, r -> device(r.get(), name).map(x -> flag(x.connected())).orElse(Double.NaN))
                        .description("1 while the serial device's link is up").tags("device", name).register(registry);
                FunctionCounter.builder("station.device.bytes.received", last, r -> device(r.get(), name).map(x -> (double) x.bytesReceived())
                        .orElse(Double.NaN)).description("bytes read from the device since start").tags("device", name).register(registry);
                FunctionCounter.builder("station.device.values.decoded", last, r -> device(r.get(), name).map(x -> (double) x.valuesDecoded())
                        .orElse(Double.NaN)).description("values decoded from the device since start").tags("device", name).register(registry);
            }
        }
        return registry.scrape();
    }

    private static Optional<DeviceStatusSnapshot> device(HealthSnapshot s, String name) {
        return s == null ? Optional.empty() : s.devices().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private <V extends Number> void labelled(Map<String, V> now, String name, String help, String label,
                                             Function<HealthSnapshot, Map<String, V>> of, boolean counter) {
        for (String key : now.keySet()) {
            if (!registered.add(name + "\n" + key)) {
                continue;
            }
            ToDoubleFunction<AtomicReference<HealthSnapshot>> read = r -> {
                Number v = r.get() == null ? null : of.apply(r.get()).get(key);
                return v == null ? Double.NaN : v.doubleValue();
            };
            if (counter) {
                FunctionCounter.builder(name, last, read).description(help).tags(Tags.of(label, key)).register(registry);
            } else {
                Gauge.builder(name, last, read).description(help).tags(Tags.of(label, key)).register(registry);
            }
        }
    }

    private void gauge(String name, String help, ToDoubleFunction<HealthSnapshot> read) {
        Gauge.builder(name, last, r -> r.get() == null ? Double.NaN : read.applyAsDouble(r.get())).description(help).register(registry);
    }

    private void counter(String name, String help, ToDoubleFunction<HealthSnapshot> read) {
        FunctionCounter.builder(name, last, r -> r.get() == null ? Double.NaN : read.applyAsDouble(r.get())).description(help).register(registry);
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
