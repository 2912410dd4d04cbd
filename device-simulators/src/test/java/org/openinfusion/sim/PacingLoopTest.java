package org.openinfusion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.serial.SettableClock;

/** Real-time pacing: the devices' clock is the wall clock, in whole 256 ms slots from the simulation start. */
class PacingLoopTest {
    private static final Instant START = Instant.parse("2026-12-05T13:00:00Z");

    @Test
    void theSlotReachedIsTheLastWholeSlotOfTheGridFromTheStart() {
        SettableClock clock = new SettableClock(START);
        PacingLoop loop = new PacingLoop(target -> { }, clock, START, Optional.empty());
        assertEquals(START, loop.slotReached());
        clock.advance(Duration.ofMillis(255));
        assertEquals(START, loop.slotReached());
        clock.advance(Duration.ofMillis(1));
        assertEquals(START.plusMillis(256), loop.slotReached());
        clock.advance(Duration.ofMillis(1000));
        assertEquals(START.plusMillis(1024), loop.slotReached());
    }

    @Test
    void aStartPassedWhileTheBedsWereBuiltIsCaughtUpInTheFirstStepNotCarriedAsALag() throws InterruptedException {
        // the beds and their clients took 1.1 s to build: the clock is past the start when the loop begins
        SettableClock clock = new SettableClock(START.plusMillis(1100));
        BlockingQueue<Instant> steps = new LinkedBlockingQueue<>();
        PacingLoop loop = new PacingLoop(steps::add, clock, START, Optional.empty());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            loop.runInRealTime(executor);
            assertEquals(START.plusMillis(1024), steps.poll(30, TimeUnit.SECONDS), "the first step reaches the clock's slot");
            clock.advance(Duration.ofMillis(200));
            assertEquals(START.plusMillis(1280), steps.poll(30, TimeUnit.SECONDS), "the next tick publishes the next slot");
        } finally {
            loop.stop();
            executor.shutdownNow();
        }
    }
}
