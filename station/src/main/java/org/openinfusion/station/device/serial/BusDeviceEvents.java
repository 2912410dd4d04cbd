package org.openinfusion.station.device.serial;

import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.device.ObservationPublisher;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.ProblemCounters;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.storage.StoreRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device output onto the bus, exactly as the MQTT ingest does it: each value published live, each
 * batch sent to storage (retried while the buffer is full); technical alarms on
 * {@code station.alarm.technical}. A serial device cannot resend: stores are retried until durable (each failure
 * counted), and at most {@link #MAX_PENDING} batches wait at once; beyond that the device thread waits (back-pressure).
 */
final class BusDeviceEvents implements DeviceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(BusDeviceEvents.class);

    private final ObservationPublisher publisher;
    private final EventBus bus;
    private final Clock clock;
    private volatile ProblemCounters problems;

    private final DeviceRef source;

    BusDeviceEvents(ObservationPublisher publisher, EventBus bus, Clock clock, DeviceRef source) {
        this.source = source;
        this.publisher = publisher;
        this.bus = bus;
        this.clock = clock;
    }

    void countProblemsIn(ProblemCounters counters) {
        this.problems = counters;
    }

    static final int MAX_PENDING = 10_000;
    private final Semaphore pending = new Semaphore(MAX_PENDING);

    @Override
    public void observations(List<Observation> batch) {
        batch.forEach(publisher::publish);
        pending.acquireUninterruptibly();
        publisher.store(new StoreRequest(batch), pending::release, cause -> {
            ProblemCounters p = problems;
            if (p != null) {
                p.count(Problem.STORE_FAILED, batch.size() + " observations: " + cause.getMessage());
            }
        });
    }

    @Override
    public void alarm(String code, boolean active, String message) {
        if (active) {
            LOG.warn("technical alarm {}: {}", code, message);
        } else {
            LOG.info("technical alarm {} cleared: {}", code, message);
        }
        bus.publish(Addresses.TECHNICAL_ALARM, new TechnicalAlarm(code, active, message, clock.instant(), Optional.of(source)));
    }
}
