package org.openinfusion.station.device;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import java.util.function.Consumer;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.health.IngestMetrics;
import org.openinfusion.station.storage.StorageReplies;
import org.openinfusion.station.storage.StoreRequest;

/**
 * The one way decoded observations enter the station, shared by every ingest (MQTT, serial):
 * count and publish each on the bus for live use, and ask storage to make a batch durable, retrying
 * until it is: a full buffer every 200 ms, any other failure (write error, bus timeout, storage not
 * deployed yet) with back-off up to 5 s. Nothing is ever given up, so an MQTT message is never left
 * unacknowledged on a live connection. Thread-safe; callers never run on an event loop.
 */
public final class ObservationPublisher {
    static final long RETRY_MILLIS = 200;
    static final long MAX_RETRY_MILLIS = 5000;

    private final Vertx vertx;
    private final EventBus bus;
    private final IngestMetrics metrics;
    private final SampleIdentities identities;

    public ObservationPublisher(Vertx vertx, IngestMetrics metrics) {
        this.vertx = vertx;
        this.bus = vertx.eventBus();
        this.metrics = metrics;
        this.identities = new SampleIdentities(metrics::collided);
    }

    /** Counts the observation and publishes it on its live address. */
    public void publish(Observation o) {
        metrics.accepted(o);
        bus.publish(address(o), o);
    }

    /**
     * Makes the request durable, retrying until it is; samples that collide with earlier ones of their stream are
     * counted and kept ({@link SampleIdentities}). {@code durable} runs once it is; {@code failed}
     * is told of every failure other than a full buffer (for counting and logging) while retries go on.
     */
    public void store(StoreRequest request, Runnable durable, Consumer<Throwable> failed) {
        store(identities.admit(request), durable, failed, RETRY_MILLIS);
    }

    private void store(StoreRequest request, Runnable durable, Consumer<Throwable> failed, long delay) {
        bus.<Integer>request(Addresses.STORE, request).onComplete(reply -> {
            if (reply.succeeded()) {
                durable.run();
            } else if (isBufferFull(reply.cause())) {
                vertx.setTimer(RETRY_MILLIS, t -> store(request, durable, failed, RETRY_MILLIS));
            } else {
                failed.accept(reply.cause());
                long next = Math.min(delay * 2, MAX_RETRY_MILLIS);
                vertx.setTimer(delay, t -> store(request, durable, failed, next));
            }
        });
    }

    private static boolean isBufferFull(Throwable t) {
        return t instanceof ReplyException r && r.failureCode() == StorageReplies.BUFFER_FULL;
    }

    public static String address(Observation o) {
        return switch (o.stream().kind()) {
            case NUMERIC -> Addresses.NUMERIC;
            case STATE -> Addresses.STATE;
            case WAVEFORM -> Addresses.WAVEFORM;
        };
    }
}
