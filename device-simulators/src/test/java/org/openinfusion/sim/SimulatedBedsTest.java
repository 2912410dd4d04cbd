package org.openinfusion.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The publishing side without a broker: nothing is acknowledged, nothing is lost or blocks. */
class SimulatedBedsTest {

    private static final Instant NOW = Instant.parse("2025-11-22T08:00:00Z");

    private final SimulatorConfig config = SimulatorConfig.defaults("tcp://127.0.0.1:1")
            .withBeds(2)
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
            .withProgressInterval(Duration.ZERO);

    @Test
    void messagesPublishedWhileTheBrokerIsAwayAreHeldNotLost() throws InterruptedException {
        // given
        try (SimulatedBeds beds = SimulatedBeds.start(config.withPacing(Pacing.MANUAL))) {
            // when
            beds.advanceTo(NOW.plusSeconds(10));
            // then
            long perBed = 3 * 40 + 40 + 40 + 10 + 10;
            assertEquals(2 * perBed, beds.publishedMessages());
            assertEquals(0, beds.acknowledgedMessages());
            assertEquals(2 * perBed, beds.delivery().outstanding());
            assertFalse(beds.awaitDelivered(Duration.ofMillis(50)));
            assertEquals(10_000, beds.producedCounts().get("ecg_i"));
            assertEquals(5000, beds.produced("bed-02", "ecg_i"));
            assertEquals(NOW.plusSeconds(10), beds.simulatedUntil());
        }
    }

    @Test
    void asFastAsPossibleRunsThroughTheDurationWithoutWaitingForTheClock() throws InterruptedException {
        // given a clock that never moves
        SimulatorConfig fast = config.withDuration(Duration.ofSeconds(30)).withPacing(Pacing.AS_FAST_AS_POSSIBLE);
        try (SimulatedBeds beds = SimulatedBeds.start(fast)) {
            // when
            boolean finished = beds.awaitFinished(Duration.ofSeconds(20));
            // then: the data ends now, not in the future
            assertTrue(finished);
            assertEquals(NOW.minusSeconds(30), beds.simulationStart());
            assertEquals(NOW, beds.simulatedUntil());
            assertEquals(30 * 500, beds.produced("bed-01", "ecg_ii"));
        }
    }

    @Test
    void manualStepsAreOnlyForManualPacing() {
        try (SimulatedBeds beds = SimulatedBeds.start(config.withDuration(Duration.ofSeconds(1)))) {
            assertThrows(IllegalStateException.class, () -> beds.advanceTo(NOW.plusSeconds(1)));
        }
    }
}
