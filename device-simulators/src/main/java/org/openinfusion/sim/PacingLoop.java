package org.openinfusion.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves simulated time forwards on one thread, either with the clock (every 256 ms, to whole
 * 256 ms slots so that chunks stay full) or as fast as the steps return, until the end.
 *
 * <p>In real time the devices' clock is the wall clock, as a bedside monitor's is: a slot is published as soon as the
 * clock has passed its end, the ticks fall just after the slot boundaries of the grid that starts at the simulation
 * start, and a start already passed when the loop begins (the beds' and their clients' construction) is caught up in
 * the first step. Before, the loop counted from its own begin, so every chunk was published that much (about 1 s for 32
 * beds) after its device time, which the latency benchmark saw as a constant part of emit -> receive.
 */
final class PacingLoop {

    /** Advances every bed to a simulated instant, publishing what they produce. */
    @FunctionalInterface
    interface Stepper {
        void advanceTo(Instant target) throws InterruptedException;
    }

    static final Duration STEP = Duration.ofMillis(256);
    /** How long after a slot's end its tick comes, so that a timer firing a little early still finds the slot passed. */
    static final long SLOT_MARGIN_MILLIS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PacingLoop.class);

    private final Stepper stepper;
    private final Clock clock;
    private final Instant start;
    private final Optional<Instant> end;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile ScheduledFuture<?> task;
    private volatile boolean stopping;
    private volatile boolean failed;

    PacingLoop(Stepper stepper, Clock clock, Instant start, Optional<Instant> end) {
        this.stepper = stepper;
        this.clock = clock;
        this.start = start;
        this.end = end;
    }

    void runInRealTime(ScheduledExecutorService executor) {
        long step = STEP.toMillis();
        long sinceStart = Duration.between(start, clock.instant()).toMillis();
        // the first tick just after the next slot boundary (at once when the start is still ahead)
        long firstDelay = sinceStart < 0 ? -sinceStart : step - Math.floorMod(sinceStart, step) + SLOT_MARGIN_MILLIS;
        executor.execute(() -> step(slotReached()));
        task = executor.scheduleAtFixedRate(() -> step(slotReached()), firstDelay, step, TimeUnit.MILLISECONDS);
    }

    void runAsFastAsPossible(ScheduledExecutorService executor) {
        task = executor.schedule(() -> {
            Instant target = start;
            while (!isFinished() && !stopping && !Thread.currentThread().isInterrupted()) {
                target = target.plus(STEP);
                step(target);
            }
        }, 0, TimeUnit.MILLISECONDS);
    }

    /** Says the executor is about to be shut down: failures from then on are expected. */
    void stop() {
        stopping = true;
    }

    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True when publishing stopped on an error before the end. */
    boolean hasFailed() {
        return failed;
    }

    boolean isFinished() {
        return finished.getCount() == 0;
    }

    /** The end of the last whole 256 ms slot (of the grid from the simulation start) the clock has passed. */
    Instant slotReached() {
        long elapsed = Math.max(0, Duration.between(start, clock.instant()).toMillis());
        return start.plusMillis(elapsed - Math.floorMod(elapsed, STEP.toMillis()));
    }

    private void step(Instant wanted) {
        if (isFinished()) {
            return;
        }
        Instant target = end.filter(wanted::isAfter).orElse(wanted);
        try {
            stepper.advanceTo(target);
            if (end.isPresent() && !target.isBefore(end.get())) {
                finished.countDown();
                LOG.info("simulated time reached the end ({})", end.get());
                ScheduledFuture<?> running = task;
                if (running != null) {
                    running.cancel(false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debug("publishing stopped at {} by close: {}", target, e.getMessage());
                return;
            }
            LOG.error("publishing stopped at {}: {}", target, e.getMessage(), e);
            failed = true;
            finished.countDown();
            throw e;
        }
    }
}
