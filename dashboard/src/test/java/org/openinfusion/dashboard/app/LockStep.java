package org.openinfusion.dashboard.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.SessionView;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;

/**
 * Moves a station's clock and its simulated beds on together, a step at a time, so that a test judges the station on
 * simulated time without depending on how fast the machine is. After each step it waits until the station has taken
 * in every value the beds sent (its per-device counts reach what the beds produced), has judged on its clock a device
 * that sent nothing for {@code mqtt.silentAfter} silent, and the session worker has answered a request sent after
 * those values (it takes its inputs in order, so it has evaluated them on this step's clock). A loaded machine takes
 * longer; it never sees anything else. The step must be shorter than {@code mqtt.silentAfter}, or every device would
 * look silent between two steps.
 */
final class LockStep {
    /** The beds publish whole slots of 256 ms of the clock (the simulator's chunks). */
    private static final Duration PACING_SLOT = Duration.ofMillis(256);

    private final StationApp station;
    private final MutableClock clock;
    private final SimulatedBeds sim;
    private final Duration step;
    private final String token;

    /**
     * @param sim   beds paced by the caller ({@code Pacing.MANUAL}): each step publishes its values at once, on the
     *              test's thread (beds pacing themselves on {@code clock} would wait for their next 256 ms tick)
     * @param token a sign-in allowed to view the bedside (the barrier's request)
     */
    LockStep(StationApp station, MutableClock clock, SimulatedBeds sim, Duration step, String token) {
        if (step.compareTo(station.config().mqtt().silentAfter()) >= 0) {
            throw new IllegalArgumentException("a step of " + step + " is not shorter than mqtt.silentAfter "
                    + station.config().mqtt().silentAfter());
        }
        this.station = station;
        this.clock = clock;
        this.sim = sim;
        this.step = step;
        this.token = token;
    }

    /** Moves everything on by {@code duration} (in whole steps). */
    void advance(Duration duration) throws InterruptedException {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            Instant now = clock.instant().plus(step);
            clock.set(now);
            sim.advanceTo(now);
            Instant published = now.minus(PACING_SLOT);
            Duration silentAfter = station.config().mqtt().silentAfter();
            Eventually.waitUntil(Duration.ofSeconds(60), () -> "the station to take in and judge everything up to " + now
                    + ": simulated until " + sim.simulatedUntil() + ", " + station.health().devices(), () -> {
                        if (sim.simulatedUntil().isBefore(published)) {
                            return false;
                        }
                        List<DeviceStatusSnapshot> devices = station.health().devices();
                        return sim.bedIds().stream().allMatch(bed -> received(devices, bed) >= produced(bed))
                                && devices.stream().noneMatch(d -> d.connected() && !d.silent() && d.lastData().isPresent()
                                        && !now.isBefore(d.lastData().get().plus(silentAfter)));
                    });
            view(sim.bedIds().get(0));
        }
    }

    /** The bed's session as the station shows it now. */
    SessionView view(String bed) {
        try {
            return station.vertx().eventBus().<SessionView>request(Addresses.SESSION_VIEW, new ViewRequest(bed),
                    BusGuard.options(token, 60_000)).toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the session worker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the session worker did not answer: " + e, e);
        }
    }

    private long produced(String bed) {
        return sim.producedCounts().keySet().stream().mapToLong(stream -> sim.produced(bed, stream)).sum();
    }

    private static long received(List<DeviceStatusSnapshot> devices, String bed) {
        return devices.stream().filter(d -> d.name().startsWith(bed + "/")).mapToLong(DeviceStatusSnapshot::valuesDecoded).sum();
    }
}
