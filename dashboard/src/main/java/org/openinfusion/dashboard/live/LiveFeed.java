package org.openinfusion.dashboard.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.health.HealthSnapshot;

/**
 * One open page's view of the bus: keeps the latest values per bed. Registered when the page
 * attaches and closed when it detaches, so a closed browser tab costs nothing.
 */
public final class LiveFeed implements AutoCloseable {
    private final Map<String, BedState> beds = new ConcurrentHashMap<>();
    private final AtomicReference<HealthSnapshot> health = new AtomicReference<>();
    private final List<MessageConsumer<?>> consumers;

    public LiveFeed(Vertx vertx) {
        var bus = vertx.eventBus();
        consumers = List.of(
                bus.<NumericSample>localConsumer(Addresses.NUMERIC, m -> bed(m.body().source().bedId()).update(m.body())),
                bus.<StateSample>localConsumer(Addresses.STATE, m -> bed(m.body().source().bedId()).update(m.body())),
                bus.<DeviceStatus>localConsumer(Addresses.DEVICE_STATUS,
                        m -> bed(m.body().source().bedId()).device(m.body().source().deviceId(), m.body().online())),
                bus.<HealthSnapshot>localConsumer(Addresses.HEALTH, m -> health.set(m.body())));
    }

    /** The latest values of one bed (empty until its first value arrives). */
    public BedState bed(String bedId) {
        return beds.computeIfAbsent(bedId, id -> new BedState());
    }

    public Map<String, BedState> beds() {
        return new TreeMap<>(beds);
    }

    HealthSnapshot health() {
        return health.get();
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
    }
}
