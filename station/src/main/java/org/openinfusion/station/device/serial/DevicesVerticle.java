package org.openinfusion.station.device.serial;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openinfusion.station.config.DevicesConfig;
import org.openinfusion.station.device.DeviceDriverFactory;
import org.openinfusion.station.device.DeviceDrivers;
import org.openinfusion.station.device.DeviceOptions;
import org.openinfusion.station.device.DeviceSession;
import org.openinfusion.station.device.ObservationPublisher;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.health.IngestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one {@link DeviceRunner} per configured serial device and stops them. Does nothing when none is configured. */
public final class DevicesVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(DevicesVerticle.class);

    private final DevicesConfig config;
    private final DeviceDrivers drivers;
    private final IngestMetrics metrics;
    private final Clock clock;
    private record Running(DevicesConfig.Device config, DeviceRunner runner, String link) {
    }

    private final List<DeviceRunner> runners = new CopyOnWriteArrayList<>();
    private final List<Running> running = new CopyOnWriteArrayList<>();

    public DevicesVerticle(DevicesConfig config, DeviceDrivers drivers, IngestMetrics metrics, Clock clock) {
        this.config = config;
        this.drivers = drivers;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            ObservationPublisher publisher = new ObservationPublisher(vertx, metrics);
            for (DevicesConfig.Device d : config.devices()) {
                DeviceRunner r = runner(d, publisher);
                runners.add(r);
                running.add(new Running(d, r, d.port().isPresent() ? drivers.get(d.protocol()).lineSettings().toString() : "serial over TCP"));
            }
            runners.forEach(DeviceRunner::start);
            return null;
        });
    }

    private DeviceRunner runner(DevicesConfig.Device d, ObservationPublisher publisher) throws IOException {
        DeviceDriverFactory factory = drivers.get(d.protocol());
        DeviceRef ref = new DeviceRef(d.bed(), d.deviceId());
        DeviceSession session = factory.newSession(ref, new DeviceOptions(d.name(), d.options(), d.origins()));
        Optional<RawCaptureWriter> capture = d.capture().isEmpty() ? Optional.empty()
                : Optional.of(RawCaptureWriter.open(d.capture().get(), "device " + ref + " protocol " + factory.protocol()
                + " endpoint " + d.endpoint() + " started " + clock.instant()));
        BusDeviceEvents events = new BusDeviceEvents(publisher, vertx.eventBus(), clock, ref);
        DeviceRunner runner = new DeviceRunner(ref, session, LinkOpener.of(d, factory.lineSettings()), events, clock,
                d.silentAfter(), Backoff.DEFAULT, capture);
        events.countProblemsIn(runner.problems());
        LOG.info("device {} ({}) on {} ({}){}", ref, factory.protocol(), d.endpoint(),
                d.port().isPresent() ? factory.lineSettings() : "serial over TCP", capture.isPresent() ? ", raw capture on" : "");
        return runner;
    }

    /** Every configured device's link state and traffic (thread-safe; health and the engineer's page read it). */
    public List<DeviceStatusSnapshot> statuses() {
        return running.stream().map(r -> r.runner().status(r.config().name(), r.config().endpoint(), r.config().protocol(), r.link()))
                .toList();
    }

    /** Problem counts per device (non-zero kinds only). */
    public Map<String, Map<String, Long>> problems() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (DeviceRunner r : runners) {
            out.put(r.source().toString(), r.problems().totals());
        }
        return out;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            runners.forEach(DeviceRunner::close);
            return null;
        });
    }
}
