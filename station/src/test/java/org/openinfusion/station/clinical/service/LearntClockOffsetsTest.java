package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;

/** The one clock-offset estimator both workers use: the least offset over the window, cuff readings never fresher. */
class LearntClockOffsetsTest {
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration BEHIND = Duration.ofHours(2);
    private final LearntClockOffsets clocks = new LearntClockOffsets();

    private Instant sample(Stream stream, Instant deviceTime, Instant received) {
        return clocks.measuredAt(new NumericSample(MONITOR, stream, 1, deviceTime, received, 0));
    }

    @Test
    void withoutAContinuousValueTheReceiveTimeStandsAndACuffReadingTeachesNothing() {
        assertEquals(NOW, sample(Stream.NIBP_SYS, NOW.minus(BEHIND), NOW));
        assertEquals(Optional.empty(), clocks.offset(MONITOR), "a cuff's device time is its own");
    }

    @Test
    void theOffsetIsTheLeastOverTheWindowSoALateFlushDoesNotMoveIt() {
        sample(Stream.HR, NOW.minus(BEHIND), NOW);
        // three minutes held by the broker, then delivered together: each arrives 3 min later than it was measured
        Instant flush = NOW.plusSeconds(240);
        for (int s = 0; s <= 60; s++) {
            sample(Stream.HR, NOW.plusSeconds(s).minus(BEHIND), flush);
        }
        assertEquals(Optional.of(BEHIND), clocks.offset(MONITOR));
        Instant cuffMeasured = NOW.plusSeconds(50);
        assertEquals(cuffMeasured, sample(Stream.NIBP_SYS, cuffMeasured.minus(BEHIND), flush), "as old as the cuff says");
        assertEquals(NOW.plusSeconds(60), sample(Stream.HR, NOW.plusSeconds(60).minus(BEHIND), flush),
                "a continuous value of the flush is as old as it was measured, too");
    }

    @Test
    void aClockSetBackCountsFullyOnceTheOlderOffsetHasLeftTheWindow() {
        sample(Stream.HR, NOW.minus(BEHIND), NOW);
        Instant later = NOW.plus(LearntClockOffsets.WINDOW).plusSeconds(1);
        sample(Stream.HR, later.minus(BEHIND).minusSeconds(60), later);
        assertEquals(Optional.of(BEHIND.plusSeconds(60)), clocks.offset(MONITOR));
    }

    @Test
    void aCorrectedTimeAfterTheArrivalIsTheArrival() {
        sample(Stream.HR, NOW.minus(BEHIND), NOW);
        Instant received = NOW.plusSeconds(30);
        assertEquals(received, sample(Stream.NIBP_SYS, received.minus(BEHIND).plusSeconds(2), received));
        assertTrue(LearntClockOffsets.isCuff(Stream.NIBP_MEAN) && !LearntClockOffsets.isCuff(Stream.SPO2));
    }
}
