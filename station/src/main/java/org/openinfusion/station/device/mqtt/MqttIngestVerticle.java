package org.openinfusion.station.device.mqtt;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.device.DeviceAlarms;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.health.BrokerLink;
import org.openinfusion.station.health.IngestMetrics;
import org.openinfusion.station.health.TechnicalAlarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the MQTT ingest. Paho's own threads do the work; no event loop ever waits on it. A timer
 * checks for silent devices ({@code DEVICE_SILENT}, raised and cleared on the technical-alarm address).
 */
public final class MqttIngestVerticle extends VerticleBase implements BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(MqttIngestVerticle.class);

    private final MqttConfig config;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final SilenceWatch silence;
    /** How often silent devices are looked for (mqtt.silentAfter is at least 1 s). */
    static final long SILENCE_CHECK_MILLIS = 200;
    private MqttConnection connection;
    private volatile Runnable onConnectionChange = () -> { };

    public MqttIngestVerticle(MqttConfig config, IngestMetrics metrics, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.silence = new SilenceWatch(config.silentAfter());
    }

    @Override
    public Future<?> start() throws Exception {
        connection = new MqttConnection(config, clock);
        connection.onChange(() -> onConnectionChange.run());
        MqttPayloadDecoder decoder = new MqttPayloadDecoder(config.topicPrefix(), config.maxPayloadBytes(),
                config.deviceRegistry().<Predicate<DeviceRef>>map(r -> r::knows)
                        .orElse(source -> true));
        connection.start(decoder.subscription(), decoder.formerSubscriptions(), new MqttIngest(vertx, decoder, metrics, clock, silence));
        // five times a second: the check adds at most 0.2 s to the alarm (docs/performance.md), and costs one pass over the devices
        vertx.setPeriodic(SILENCE_CHECK_MILLIS, id -> checkSilence());
        return Future.succeededFuture();
    }

    /** Not while the broker is away: then nothing can arrive, and BROKER_DISCONNECTED says why. */
    private void checkSilence() {
        if (!connected()) {
            return;
        }
        var now = clock.instant();
        for (SilenceWatch.Change c : silence.check(now)) {
            if (c.silent()) {
                LOG.warn("technical alarm {}: {}", DeviceAlarms.DEVICE_SILENT, c.message());
            } else {
                LOG.info("technical alarm {} cleared: {}", DeviceAlarms.DEVICE_SILENT, c.message());
            }
            vertx.eventBus().publish(Addresses.TECHNICAL_ALARM,
                    new TechnicalAlarm(DeviceAlarms.DEVICE_SILENT, c.silent(), c.message(), now, Optional.of(c.device())));
        }
    }

    /** Whether the broker connection is up (read by health). */
    @Override
    public boolean connected() {
        return connection != null && connection.connected();
    }

    /** The MQTT devices heard of since start, with their silence (listed in /health beside the serial devices). */
    public List<DeviceStatusSnapshot> devices() {
        return silence.snapshots();
    }

    @Override
    public long disconnects() {
        return connection == null ? 0 : connection.disconnects();
    }

    @Override
    public Optional<Instant> lastDisconnect() {
        return connection == null ? Optional.empty() : connection.lastDisconnect();
    }

    /** Run whenever the broker connection is made or lost (any thread; must not block). */
    public void onConnectionChange(Runnable r) {
        onConnectionChange = r;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            connection.close();
            return null;
        });
    }
}
