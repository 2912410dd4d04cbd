package org.openinfusion.station.health;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.time.Duration;
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
 * The station's health: {@link #current} computes it when asked (broker, store, buffer, disk, audit trail, with
 * per-stream rates since the last publish). Technical alarms are raised or cleared as soon as a source reports a
 * change ({@link #changed}), and at every publish interval, when the snapshot is also published on the bus; a
 * summary is logged every log interval. Every disk-check interval a worker reads the free space and runs the
 * files' repair (reopening an unavailable audit trail).
 */
public final class HealthVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HealthVerticle.class);

    /**
     * The station's files: free space where it writes, why the audit trail cannot be written (empty when it can),
     * and a repair run on a worker at every disk check.
     */
    public record Files(DiskSpace disk, Supplier<String> auditProblem, Runnable repair) {
        /** No disk watched (never low) and no audit trail. */
        public static Files unwatched() {
            return new Files(new DiskSpace(List.of(Path.of("/")), 0, folder -> Long.MAX_VALUE), () -> "", () -> { });
        }
    }

    private record Baseline(Instant time, Map<String, Long> totals) {
    }

    private final HealthConfig config;
    private final IngestMetrics metrics;
    private final BrokerLink broker;
    private final StorageDrain drain;
    private final DurableJournal journal;
    private final double warnFraction;
    private final Supplier<List<DeviceStatusSnapshot>> devices;
    private final Files files;
    private final Map<String, Boolean> alarms = new HashMap<>();
    private volatile Baseline baseline;
    private volatile Context context;
    private final CollisionAlarms collisionAlarms = new CollisionAlarms();
    private Instant lastLog = Instant.MIN;
    /** Broker drops already alarmed (or seen while the alarm was up); runs on the verticle's context only. */
    private long brokerDropsSeen;
    /**
     * How long the station may take to make its first broker connection before that is alarmed. Until then a broker
     * not connected yet is "connecting" (logged at INFO once), not a disconnect: a first connect is not a loss.
     */
    static final Duration FIRST_CONNECT_GRACE = BrokerLink.FIRST_CONNECT_GRACE;
    private Instant started;
    private boolean brokerUpOnce;
    private boolean connectingLogged;

    public HealthVerticle(HealthConfig config, IngestMetrics metrics, BrokerLink broker, StorageDrain drain,
                          DurableJournal journal, double warnFraction, Supplier<List<DeviceStatusSnapshot>> devices,
                          Files files) {
        this.config = config;
        this.metrics = metrics;
        this.broker = broker;
        this.drain = drain;
        this.journal = journal;
        this.warnFraction = warnFraction;
        this.devices = devices;
        this.files = files;
        this.baseline = new Baseline(metrics.now(), Map.of());
    }

    /** Health without disk or audit watching. */
    public HealthVerticle(HealthConfig config, IngestMetrics metrics, BooleanSupplier brokerConnected,
                          StorageDrain drain, DurableJournal journal, double warnFraction,
                          Supplier<List<DeviceStatusSnapshot>> devices) {
        this(config, metrics, BrokerLink.of(brokerConnected), drain, journal, warnFraction, devices, Files.unwatched());
    }

    @Override
    public Future<?> start() {
        context = vertx.getOrCreateContext();
        started = metrics.now();
        baseline = new Baseline(started, metrics.valuesTotal());
        brokerDropsSeen = broker.disconnects();
        vertx.setPeriodic(config.publishInterval().toMillis(), id -> tick());
        vertx.setPeriodic(config.diskCheckInterval().toMillis(), id -> checkFiles());
        return vertx.executeBlocking(() -> {
            files.disk().check();
            return null;
        }).onSuccess(v -> evaluate(current()));
    }

    /** The health now (the status endpoint serves it); rates are over the time since the last publish. */
    public HealthSnapshot current() {
        return snapshot(baseline);
    }

    /** Same as {@link #current}. */
    public HealthSnapshot latest() {
        return current();
    }

    /** A source's state changed (any thread, never blocks): alarms are re-evaluated at once on the verticle's context. */
    public void changed() {
        Context c = context;
        if (c != null) {
            c.runOnContext(v -> evaluate(current()));
        }
    }

    private void checkFiles() {
        vertx.executeBlocking(() -> {
            files.disk().check();
            files.repair().run();
            return null;
        }, false).onComplete(done -> evaluate(current()));
    }

    private void tick() {
        Baseline previous = baseline;
        HealthSnapshot s = snapshot(previous);
        baseline = new Baseline(s.time(), s.valuesTotal());
        vertx.eventBus().publish(Addresses.HEALTH, s);
        evaluate(s);
        checkCollisions(s);
        if (!s.time().isBefore(lastLog.plus(config.logInterval()))) {
            lastLog = s.time();
            LOG.info("health: broker {} ({} disconnects), store {}, buffer {} bytes ({}%), disk {} MiB free{}, audit {}, values/s {}, "
                            + "rejects {}, sequence gaps {}, repeats {}, points written {}",
                    s.brokerConnected() ? "up" : "DOWN", s.brokerDisconnects(), s.storeReachable() ? "up" : "DOWN",
                    s.bufferPendingBytes(), Math.round(100 * s.bufferFill()), s.diskFreeBytes() >> 20, s.diskLow() ? " (LOW)" : "",
                    s.auditAvailable() ? "writable" : "UNAVAILABLE", s.valuesPerSecond(), nonZero(s.rejects()),
                    s.sequenceMissing(), s.sequenceRepeated(), s.pointsWritten());
        }
    }

    /** Raises or clears each technical alarm to match the snapshot; runs on the verticle's context only. */
    private void evaluate(HealthSnapshot s) {
        alarm(TechnicalAlarm.BUFFER_FILLING, s.bufferFill() >= warnFraction,
                String.format("durable buffer %.0f%% full (%d of %d bytes)", 100 * s.bufferFill(),
                        s.bufferPendingBytes(), s.bufferCapacityBytes()), s.time());
        alarm(TechnicalAlarm.STORE_UNREACHABLE, !s.storeReachable(), "time-series store unreachable: " + s.storeError(), s.time());
        broker(s);
        DiskSpace.Reading disk = files.disk().latest();
        alarm(TechnicalAlarm.DISK_LOW, s.diskLow(), String.format("disk space low: %d MiB free for %s (alarm below %d MiB)",
                disk.freeBytes() >> 20, disk.folder(), disk.thresholdBytes() >> 20), s.time());
        alarm(TechnicalAlarm.AUDIT_UNAVAILABLE, !s.auditAvailable(), "audit trail cannot be written (" + s.auditError()
                + "): sign-ins, session steps and acknowledgements are refused until it can", s.time());
    }

    /**
     * BROKER_DISCONNECTED on a real loss only: once the broker has been connected, or when the first connection has
     * not been made within {@link #FIRST_CONNECT_GRACE} of the start ("not reachable since the start"). Before that
     * the station is connecting, logged once at INFO. A drop that is already over when it is evaluated (the connection
     * came back before this context ran) is still raised and at once cleared, so no drop, however short, goes by
     * without its alarm on the bus and in the log.
     */
    private void broker(HealthSnapshot s) {
        boolean missed = s.brokerDisconnects() > brokerDropsSeen && !alarms.getOrDefault(TechnicalAlarm.BROKER_DISCONNECTED, false);
        brokerDropsSeen = s.brokerDisconnects();
        if (s.brokerConnected()) {
            brokerUpOnce = true;
            if (missed) {
                alarm(TechnicalAlarm.BROKER_DISCONNECTED, true, "MQTT broker disconnected (connected again since)",
                        s.lastBrokerDisconnect().orElse(s.time()));
            }
            alarm(TechnicalAlarm.BROKER_DISCONNECTED, false, "MQTT broker connected", s.time());
            return;
        }
        if (brokerUpOnce) {
            alarm(TechnicalAlarm.BROKER_DISCONNECTED, true, "MQTT broker disconnected", s.time());
        } else if (started != null && !s.time().isBefore(started.plus(FIRST_CONNECT_GRACE))) {
            alarm(TechnicalAlarm.BROKER_DISCONNECTED, true, "MQTT broker not reachable since the station started "
                    + Duration.between(started, s.time()).toSeconds() + " s ago", s.time());
        } else if (!connectingLogged) {
            connectingLogged = true;
            LOG.info("MQTT broker: connecting (no device data until it is up)");
        }
    }

    /** Collisions are judged per publish interval: a device that collides in two intervals in a row is alarmed. */
    private void checkCollisions(HealthSnapshot s) {
        for (TechnicalAlarm a : collisionAlarms.check(s.timeCollisions(), s.time())) {
            if (a.active()) {
                LOG.warn("technical alarm {}: {}", a.code(), a.message());
            } else {
                LOG.info("technical alarm {} cleared: {}", a.code(), a.message());
            }
            vertx.eventBus().publish(Addresses.TECHNICAL_ALARM, a);
        }
    }

    private HealthSnapshot snapshot(Baseline from) {
        Instant now = metrics.now();
        Map<String, Long> totals = metrics.valuesTotal();
        double seconds = Math.max(1e-3, (now.toEpochMilli() - from.time().toEpochMilli()) / 1000.0);
        Map<String, Double> rates = new HashMap<>();
        totals.forEach((k, v) -> rates.put(k, Math.round((v - from.totals().getOrDefault(k, 0L)) / seconds * 10) / 10.0));
        DiskSpace.Reading disk = files.disk().latest();
        String auditProblem = files.auditProblem().get();
        return new HealthSnapshot(now, broker.connected(), drain.storeReachable(), drain.lastError(),
                journal.pendingBytes(), journal.capacityBytes(), rates, totals, metrics.rejectsTotal(),
                metrics.sequenceMissing(), metrics.sequenceRepeated(), drain.linesWritten(), drain.deadLettered(), devices.get(),
                broker.disconnects(), broker.lastDisconnect(), disk.freeBytes(), disk.low(), auditProblem.isEmpty(), auditProblem,
                metrics.collisionsTotal());
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
