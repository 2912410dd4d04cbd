package org.openinfusion.dashboard.feed;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.openinfusion.dashboard.DashboardServices;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;
import org.openinfusion.station.health.HealthSnapshot;
import org.openinfusion.station.health.TechnicalAlarm;

/**
 * The dashboard's memory of the live bus: the latest values per bed (with the devices' link and sensor states) and the
 * station's health. One feed ({@link #shared()}) runs for the whole dashboard from the web server's start
 * ({@link FeedStart}), so a page opened or reloaded shows the last values at once (the last NIBP with its age) instead of
 * waiting for the next reading.
 */
public final class LiveFeed implements AutoCloseable {
    private static LiveFeed shared;

    /** The code a device's technical alarm carries while a sensor reports no value (station DeviceAlarms). */
    static final String SENSOR_OFF = "SENSOR_OFF";

    private final Map<String, BedState> beds = new ConcurrentHashMap<>();
    private final AtomicReference<HealthSnapshot> health = new AtomicReference<>();
    private final List<MessageConsumer<?>> consumers;
    private final Vertx vertx;

    /** The dashboard's one feed on the station's bus, started on first use. */
    public static synchronized LiveFeed shared() {
        Vertx vertx = DashboardServices.get().vertx();
        if (shared == null || shared.vertx != vertx) {
            shared = new LiveFeed(vertx);
        }
        return shared;
    }

    public LiveFeed(Vertx vertx) {
        this.vertx = vertx;
        var bus = vertx.eventBus();
        consumers = List.of(
                bus.<NumericSample>localConsumer(Addresses.NUMERIC, m -> bed(m.body().source().bedId()).update(m.body())),
                bus.<StateSample>localConsumer(Addresses.STATE, m -> bed(m.body().source().bedId()).update(m.body())),
                bus.<WaveformChunk>localConsumer(Addresses.WAVEFORM,
                        m -> bed(m.body().source().bedId()).wave(m.body().stream(), m.body().source(), Instant.now())),
                bus.<DeviceStatus>localConsumer(Addresses.DEVICE_STATUS,
                        m -> bed(m.body().source().bedId()).device(m.body().source().deviceId(), m.body().online())),
                bus.<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> technical(m.body())),
                bus.<HealthSnapshot>localConsumer(Addresses.HEALTH, m -> health.set(m.body())));
    }

    private void technical(TechnicalAlarm a) {
        if (SENSOR_OFF.equals(a.code())) {
            a.source().ifPresent(src -> bed(src.bedId()).sensor(src.deviceId(), a.active()));
        }
    }

    /** The latest values of one bed (empty until its first value arrives). */
    public BedState bed(String bedId) {
        return beds.computeIfAbsent(bedId, id -> new BedState());
    }

    /** Every bed seen so far, by id. */
    public Map<String, BedState> beds() {
        return new TreeMap<>(beds);
    }

    /** The station's latest health snapshot, or null before the first. */
    public HealthSnapshot health() {
        return health.get();
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
    }
}
