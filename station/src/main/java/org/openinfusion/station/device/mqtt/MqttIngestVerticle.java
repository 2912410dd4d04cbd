package org.openinfusion.station.device.mqtt;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.health.IngestMetrics;

/** Starts and stops the MQTT ingest. Paho's own threads do the work; no event loop ever waits on it. */
public final class MqttIngestVerticle extends VerticleBase {
    private final MqttConfig config;
    private final IngestMetrics metrics;
    private final Clock clock;
    private MqttConnection connection;

    public MqttIngestVerticle(MqttConfig config, IngestMetrics metrics, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Future<?> start() throws Exception {
        connection = new MqttConnection(config);
        MqttPayloadDecoder decoder = new MqttPayloadDecoder(config.topicPrefix(), config.maxPayloadBytes());
        connection.start(decoder.subscription(), decoder.formerSubscriptions(), new MqttIngest(vertx, decoder, metrics, clock));
        return Future.succeededFuture();
    }

    /** Whether the broker connection is up (read by health). */
    public boolean connected() {
        return connection != null && connection.connected();
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            connection.close();
            return null;
        });
    }
}
