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
 */
final class PacingLoop {

    /** Advances every bed to a simulated instant, publishing what they produce. */
    @FunctionalInterface
    interface Stepper {
        void advanceTo(Instant target) throws InterruptedException;
    }

    static final Duration STEP = Duration.ofMillis(256);
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
        Instant wallStart = clock.instant();
        task = executor.scheduleAtFixedRate(() -> step(slotReached(wallStart)), 0, STEP.toMillis(),
                TimeUnit.MILLISECONDS);
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

    /** The last whole 256 ms slot the clock has passed since the loop started. */
    private Instant slotReached(Instant wallStart) {
        long elapsed = Duration.between(wallStart, clock.instant()).toMillis();
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
