package org.openinfusion.station.device.serial;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.testing.Eventually;

/** Test events: a queue of everything a runner reported, with a wait-for helper. */
final class RecordingEvents implements DeviceEvents {
    record Alarm(String code, boolean active) {
    }

    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void observations(List<Observation> batch) {
        events.addAll(batch);
    }

    @Override
    public void alarm(String code, boolean active, String message) {
        events.add(new Alarm(code, active));
    }

    /** Waits for an event matching {@code p}, dropping others; fails after {@code timeout}. */
    Object await(Predicate<Object> p, Duration timeout, String what) throws InterruptedException {
        return Eventually.next(events, p, timeout, what);
    }

    static Predicate<Object> alarm(String code, boolean active) {
        return e -> e.equals(new Alarm(code, active));
    }
}
