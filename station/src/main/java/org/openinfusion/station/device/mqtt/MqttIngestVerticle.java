package org.openinfusion.station.device.mqtt;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.health.BrokerLink;
import org.openinfusion.station.health.IngestMetrics;

/** Starts and stops the MQTT ingest. Paho's own threads do the work; no event loop ever waits on it. */
public final class MqttIngestVerticle extends VerticleBase implements BrokerLink {
    private final MqttConfig config;
    private final IngestMetrics metrics;
    private final Clock clock;
    private MqttConnection connection;
    private volatile Runnable onConnectionChange = () -> { };

    public MqttIngestVerticle(MqttConfig config, IngestMetrics metrics, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Future<?> start() throws Exception {
        connection = new MqttConnection(config, clock);
        connection.onChange(() -> onConnectionChange.run());
        MqttPayloadDecoder decoder = new MqttPayloadDecoder(config.topicPrefix(), config.maxPayloadBytes());
        connection.start(decoder.subscription(), new MqttIngest(vertx, decoder, metrics, clock));
        return Future.succeededFuture();
    }

    /** Whether the broker connection is up (read by health). */
    @Override
    public boolean connected() {
        return connection != null && connection.connected();
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
