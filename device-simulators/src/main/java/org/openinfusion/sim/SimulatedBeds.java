package org.openinfusion.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.openinfusion.sim.control.BedState;
import org.openinfusion.sim.control.SimulatorControl;
import org.openinfusion.sim.mqtt.BedPublisher;
import org.openinfusion.sim.mqtt.DeliveryTracker;
import org.openinfusion.sim.mqtt.SimulatedBed;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.signal.BedEvent;
import org.openinfusion.sim.signal.Pump;
import org.openinfusion.sim.signal.SimulatedPatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulator: N beds publishing to a broker. The public entry point for the command
 * line and for launchers that run it in-process:
 * <pre>{@code
 * try (SimulatedBeds beds = SimulatedBeds.start(SimulatorConfig.defaults(uri).withBeds(4))) { ... }
 * }</pre>
 */
public final class SimulatedBeds implements AutoCloseable, SimulatorControl {

    static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBeds.class);

    private final SimulatorConfig config;
    private final Instant start;
    private final List<BedPublisher> beds;
    private final DeliveryTracker tracker;
    private final ScheduledExecutorService control = Executors.newScheduledThreadPool(1, Threads.daemon("sim-control"));
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("sim-pacer"));
    private final PacingLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, String> scenarios = new ConcurrentHashMap<>();

    private SimulatedBeds(SimulatorConfig config) {
        this.config = config;
        this.tracker = new DeliveryTracker(config.clock());
        this.start = config.simulationStart();
        Optional<Scenario> scenario = config.scenario().map(Scenario::load);
        boolean idle = config.pumpIdle() || scenario.isPresent();
        this.beds = IntStream.rangeClosed(1, config.beds())
                .mapToObj(n -> new BedPublisher(new SimulatedBed(config.bedId(n), start, config.topicPrefix(),
                        new SimulatedPatient(config.bedSeed(n), idle ? Pump.idle() : Pump.running(config.infusion())),
                        config.waveforms()),
                        config.mqtt(), tracker, control))
                .toList();
        scenario.ifPresent(s -> startScenario(s, bedIds()));
        Optional<Instant> end = config.duration().map(start::plus);
        this.loop = new PacingLoop(this::publishUntil, config.clock(), start, end);
    }

    /** Connects every device (retrying in the background) and starts publishing as configured. */
    public static SimulatedBeds start(SimulatorConfig config) {
        SimulatedBeds simulator = new SimulatedBeds(config);
        simulator.begin();
        return simulator;
    }

    /** Publishes everything up to {@code target} now, on the caller's thread ({@link Pacing#MANUAL} only). */
    public void advanceTo(Instant target) throws InterruptedException {
        if (config.pacing() != Pacing.MANUAL) {
            throw new IllegalStateException("advanceTo is for manual pacing; this run paces " + config.pacing());
        }
        publishUntil(target);
    }

    /** Waits until the configured duration has been published (never true without a duration). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return loop.awaitFinished(timeout);
    }

    /** True when publishing stopped on an error (logged) before the configured end. */
    public boolean hasFailed() {
        return loop.hasFailed();
    }

    /** Waits until every device has connected at least once. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!beds.stream().allMatch(BedPublisher::isConnected)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits until the broker acknowledged everything published so far. */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        return tracker.awaitDelivered(timeout);
    }

    /** Stops publishing, marks the devices {@code offline}, waits briefly for acknowledgements, disconnects. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.stop();
        Threads.stop(pacer);
        Threads.stop(control);
        try {
            for (BedPublisher bed : beds) {
                bed.announceOffline();
            }
            boolean reachable = beds.stream().anyMatch(BedPublisher::isAnyConnected);
            if (reachable && !tracker.awaitDelivered(DRAIN_ON_CLOSE)) {
                LOG.warn("closing with {} messages unacknowledged", tracker.outstanding());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.debug("offline not announced: {}", e.getMessage());
        }
        beds.forEach(bed -> bed.disconnect(Duration.ofSeconds(2)));
        new ProgressReport(this).run();
    }

    public List<String> bedIds() {
        return beds.stream().map(bed -> bed.bed().bedId()).toList();
    }

    /** Simulation time 0 of every bed. */
    public Instant simulationStart() {
        return start;
    }

    /** How far every bed has been simulated and published. */
    public Instant simulatedUntil() {
        return beds.stream().map(bed -> bed.bed().position()).min(Instant::compareTo).orElse(start);
    }

    long simulatedSeconds() {
        return Duration.between(start, simulatedUntil()).toSeconds();
    }

    /** Samples or values produced for {@code stream} (wire name) by one bed. */
    public long produced(String bedId, String stream) {
        return beds.stream().filter(bed -> bed.bed().bedId().equals(bedId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bed " + bedId))
                .bed().produced(stream);
    }

    /** Samples or values produced per stream, summed over the beds. */
    public Map<String, Long> producedCounts() {
        Map<String, Long> total = new TreeMap<>();
        beds.forEach(bed -> bed.bed().producedCounts().forEach((stream, n) -> total.merge(stream, n, Long::sum)));
        return total;
    }

    /** Data messages (numerics and waveform chunks) handed to the MQTT clients. */
    public long publishedMessages() {
        return tracker.publishedMessages();
    }

    /** Data messages the broker acknowledged. */
    public long acknowledgedMessages() {
        return tracker.acknowledgedMessages();
    }

    /** Counts of published and acknowledged messages and samples, and what is outstanding. */
    public DeliveryTracker delivery() {
        return tracker;
    }

    // ---- control: what an engineer, a test or the demo's simulated nurse does to the beds ----

    /** Every bed's state now (patient, drug, vital signs, pump). */
    @Override
    public List<BedState> states() {
        synchronized (beds) {
            return beds.stream().map(b -> state(b.bed())).toList();
        }
    }

    /** One bed's state now. */
    @Override
    public BedState state(String bedId) {
        synchronized (beds) {
            return state(bed(bedId));
        }
    }

    /**
     * Applies {@code event} to a bed at its current simulation time (program, start, pause, stop the
     * pump; inject a fault). Throws {@link IllegalStateException} when the pump refuses (the reason
     * says why) and {@link IllegalArgumentException} for an unknown bed or bad values.
     */
    @Override
    public BedState apply(String bedId, BedEvent event) {
        synchronized (beds) {
            SimulatedBed bed = bed(bedId);
            bed.applyNow(event);
            LOG.info("{}: {}", bedId, event.describe());
            return state(bed);
        }
    }

    /** Starts {@code scenario} on {@code bedIds} now (its times count from the bed's current time). */
    @Override
    public void startScenario(Scenario scenario, List<String> bedIds) {
        synchronized (beds) {
            for (String bedId : bedIds) {
                SimulatedBed bed = bed(bedId);
                bed.cancelScheduled();
                double now = bed.seconds(bed.position());
                for (BedEvent.Timed event : scenario.eventsFor(bedId)) {
                    bed.schedule(new BedEvent.Timed(now + event.seconds(), event.event()));
                }
                scenarios.put(bedId, scenario.name());
                LOG.info("{}: scenario {} started at {} s", bedId, scenario.name(), Math.round(now));
            }
        }
    }

    /** Drops the events still to come on {@code bedId} (what already happened stays). */
    @Override
    public void stopScenario(String bedId) {
        synchronized (beds) {
            bed(bedId).cancelScheduled();
            scenarios.remove(bedId);
        }
    }

    private SimulatedBed bed(String bedId) {
        return beds.stream().map(BedPublisher::bed).filter(b -> b.bedId().equals(bedId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated bed '" + bedId + "'; beds: " + bedIds()));
    }

    private BedState state(SimulatedBed bed) {
        double t = bed.seconds(bed.position());
        return BedState.of(bed.bedId(), t, bed.patient().physiology(), bed.patient().pump().statusAt(t),
                scenarios.getOrDefault(bed.bedId(), ""), bed.scheduled().size(), bed.patient().conditions().inEffect(t), bed.eventLog());
    }

    private void begin() {
        LOG.info("simulating {} beds ({} to {}) from {} for {}, pacing {}, broker {}", beds.size(),
                bedIds().get(0), bedIds().get(beds.size() - 1), start,
                config.duration().map(Duration::toString).orElse("as long as it runs"), config.pacing(),
                config.mqtt().brokerUri());
        beds.forEach(BedPublisher::connect);
        if (!config.progressInterval().isZero()) {
            long every = config.progressInterval().toMillis();
            control.scheduleAtFixedRate(new ProgressReport(this), every, every, TimeUnit.MILLISECONDS);
        }
        switch (config.pacing()) {
            case REAL_TIME -> loop.runInRealTime(pacer);
            case AS_FAST_AS_POSSIBLE -> loop.runAsFastAsPossible(pacer);
            case MANUAL -> LOG.debug("manual pacing: waiting for advanceTo");
        }
    }

    private void publishUntil(Instant target) throws InterruptedException {
        synchronized (beds) {
            for (BedPublisher bed : beds) {
                bed.advanceTo(target);
            }
        }
    }
}
