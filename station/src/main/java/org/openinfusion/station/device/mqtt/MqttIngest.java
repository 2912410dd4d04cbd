package org.openinfusion.station.device.mqtt;

import org.openinfusion.station.domain.LogText;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.device.ObservationPublisher;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.SequenceTracker;
import org.openinfusion.station.health.IngestMetrics;
import org.openinfusion.station.storage.StoreRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT ingest path: decodes each message on Paho's thread (never an event loop), publishes the
 * values on the bus for live use, asks storage to make them durable, and acknowledges the message to
 * the broker only when storage replied. When storage pushes back (buffer full) this thread waits,
 * and with it the broker's delivery: back-pressure instead of loss.
 */
final class MqttIngest implements MqttConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    private static final int MAX_UNACKED = 4096;

    private final EventBus bus;
    private final ObservationPublisher publisher;
    private final MqttPayloadDecoder decoder;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final SilenceWatch silence;
    private final SequenceTracker sequences = new SequenceTracker();
    private final Semaphore unacked = new Semaphore(MAX_UNACKED);
    private final AtomicLong lastStoreErrorLog = new AtomicLong(System.nanoTime() - 20_000_000_000L);

    MqttIngest(Vertx vertx, MqttPayloadDecoder decoder, IngestMetrics metrics, Clock clock, SilenceWatch silence) {
        this.silence = silence;
        this.bus = vertx.eventBus();
        this.publisher = new ObservationPublisher(vertx, metrics);
        this.decoder = decoder;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void message(String topic, MqttMessage message, Runnable ack) {
        try {
            handle(topic, message, ack);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("ingest failed on {}; message left unacknowledged for redelivery: {}", LogText.escape(topic), LogText.escape(e.toString()));
        }
    }

    private void handle(String topic, MqttMessage message, Runnable ack) throws InterruptedException {
        DecodeResult result = decoder.decode(topic, message.getPayload(), clock.instant());
        result.rejections().forEach(r -> metrics.rejected(topic, r));
        Instant now = clock.instant();
        result.observations().stream().map(Observation::source).findFirst().or(() -> result.status().map(DeviceStatus::source))
                .ifPresent(source -> silence.received(source, topic, message.getPayload().length, now));
        result.status().map(s -> message.isRetained() ? s.asRetained() : s).ifPresent(s -> {
            silence.status(s, now);
            bus.publish(Addresses.DEVICE_STATUS, s);
        });
        for (Observation o : result.observations()) {
            sequences.observe(o);
            silence.values(o.source(), o.valueCount(), now);
            publisher.publish(o);
        }
        metrics.sequence(sequences.missing(), sequences.repeated());
        if (result.observations().isEmpty()) {
            ack.run();
            return;
        }
        unacked.acquire();
        store(new StoreRequest(result.observations()), ack);
    }

    private void store(StoreRequest request, Runnable ack) {
        publisher.store(request, () -> {
            ack.run();
            unacked.release();
        }, cause -> {
            long now = System.nanoTime();
            long last = lastStoreErrorLog.get();
            if (now - last > 10_000_000_000L && lastStoreErrorLog.compareAndSet(last, now)) {
                LOG.error("could not make messages durable yet ({}); retrying, they stay unacknowledged meanwhile", cause.getMessage());
            }
        });
    }

    @Override
    public void connected(String serverUri) {
        silence.broker(serverUri);
        silence.reconnected(clock.instant());
        LOG.info("connected to broker {}, subscribed to {}", serverUri, decoder.subscription());
    }

    @Override
    public void lost(Throwable cause) {
        LOG.warn("lost the broker connection ({}); reconnecting", cause == null ? "no reason given" : cause.toString());
    }
}
