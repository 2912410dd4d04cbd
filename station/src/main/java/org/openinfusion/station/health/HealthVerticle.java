package org.openinfusion.station.health;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.config.HealthConfig;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.storage.StorageDrain;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every publish interval: gathers broker, store and buffer state with per-stream rates into a
 * {@link HealthSnapshot}, publishes it, raises or clears technical alarms, and logs a summary every
 * log interval.
 */
public final class HealthVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HealthVerticle.class);

    private final HealthConfig config;
    private final IngestMetrics metrics;
    private final BooleanSupplier brokerConnected;
    private final StorageDrain drain;
    private final DurableJournal journal;
    private final double warnFraction;
    private final Supplier<List<DeviceStatusSnapshot>> devices;
    private final Map<String, Boolean> alarms = new HashMap<>();
    private Map<String, Long> previousTotals = Map.of();
    private Instant previousTime;
    private Instant lastLog = Instant.MIN;
    private volatile HealthSnapshot latest;

    public HealthVerticle(HealthConfig config, IngestMetrics metrics, BooleanSupplier brokerConnected,
                          StorageDrain drain, DurableJournal journal, double warnFraction,
                          Supplier<List<DeviceStatusSnapshot>> devices) {
        this.devices = devices;
        this.config = config;
        this.metrics = metrics;
        this.brokerConnected = brokerConnected;
        this.drain = drain;
        this.journal = journal;
        this.warnFraction = warnFraction;
    }

    @Override
    public Future<?> start() {
        previousTime = metrics.now();
        latest = snapshot();
        vertx.setPeriodic(config.publishInterval().toMillis(), id -> tick());
        return Future.succeededFuture();
    }

    /** The most recent snapshot (the status endpoint serves it). */
    public HealthSnapshot latest() {
        return latest;
    }

    private void tick() {
        HealthSnapshot s = snapshot();
        latest = s;
        vertx.eventBus().publish(Addresses.HEALTH, s);
        alarm(TechnicalAlarm.BUFFER_FILLING, s.bufferFill() >= warnFraction,
                String.format("durable buffer %.0f%% full (%d of %d bytes)", 100 * s.bufferFill(),
                        s.bufferPendingBytes(), s.bufferCapacityBytes()), s.time());
        alarm(TechnicalAlarm.STORE_UNREACHABLE, !s.storeReachable(), "time-series store unreachable: " + s.storeError(), s.time());
        alarm(TechnicalAlarm.BROKER_DISCONNECTED, !s.brokerConnected(), "MQTT broker disconnected", s.time());
        if (!s.time().isBefore(lastLog.plus(config.logInterval()))) {
            lastLog = s.time();
            LOG.info("health: broker {}, store {}, buffer {} bytes ({}%), values/s {}, rejects {}, sequence gaps {}, repeats {}, points written {}",
                    s.brokerConnected() ? "up" : "DOWN", s.storeReachable() ? "up" : "DOWN", s.bufferPendingBytes(),
                    Math.round(100 * s.bufferFill()), s.valuesPerSecond(), nonZero(s.rejects()), s.sequenceMissing(),
                    s.sequenceRepeated(), s.pointsWritten());
        }
    }

    private HealthSnapshot snapshot() {
        Instant now = metrics.now();
        Map<String, Long> totals = metrics.valuesTotal();
        double seconds = Math.max(1e-3, (now.toEpochMilli() - previousTime.toEpochMilli()) / 1000.0);
        Map<String, Double> rates = new HashMap<>();
        totals.forEach((k, v) -> rates.put(k, Math.round((v - previousTotals.getOrDefault(k, 0L)) / seconds * 10) / 10.0));
        previousTotals = totals;
        previousTime = now;
        return new HealthSnapshot(now, brokerConnected.getAsBoolean(), drain.storeReachable(), drain.lastError(),
                journal.pendingBytes(), journal.capacityBytes(), rates, totals, metrics.rejectsTotal(),
                metrics.sequenceMissing(), metrics.sequenceRepeated(), drain.linesWritten(), drain.deadLettered(), devices.get());
    }

    private void alarm(String code, boolean active, String message, Instant time) {
        if (alarms.getOrDefault(code, false) == active) {
            return;
        }
        alarms.put(code, active);
        if (active) {
            LOG.warn("technical alarm {}: {}", code, message);
        } else {
            LOG.info("technical alarm {} cleared", code);
        }
        vertx.eventBus().publish(Addresses.TECHNICAL_ALARM, new TechnicalAlarm(code, active, message, time));
    }

    private static Map<String, Long> nonZero(Map<String, Long> m) {
        Map<String, Long> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
