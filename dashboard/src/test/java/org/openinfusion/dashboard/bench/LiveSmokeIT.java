package org.openinfusion.dashboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The latency and alarm benchmarks at smoke size (one or two beds, seconds): checks correctness only, that the page
 * reports every kind of figure and that no figure runs backwards in time. Their timings are printed, never asserted.
 */
class LiveSmokeIT {
    private final LiveBenchmark.Rig[] running = new LiveBenchmark.Rig[1];

    @AfterEach
    void stop() {
        if (running[0] != null) {
            running[0].close();
        }
    }

    @Test
    void theLatencyBenchmarkTimesChunksAndNumericsFromEmitToDrawn() throws Exception {
        LiveBenchmark.Latency l = LiveBenchmark.latency(1, Duration.ofSeconds(10), System.out, running);

        assertFalse(l.allDrawn().isEmpty(), "chunks drawn in the pages");
        assertFalse(l.emitToDrawn().get("bed views").isEmpty(), "chunks drawn in the bed views");
        assertFalse(l.emitToDrawn().get("overviews").isEmpty(), "chunks drawn in the overviews");
        assertFalse(l.numericToShown().isEmpty(), "numerics shown in the bed views");
        assertFalse(l.receiveToPage().isEmpty(), "chunks arrived in the pages");
        // a sample is drawn after it was emitted, and arrives in the page after the station received it
        assertTrue(l.allDrawn().getFirst() >= 0, "emit -> drawn, least " + l.allDrawn().getFirst());
        assertTrue(l.receiveToPage().getFirst() >= -1, "receive -> page, least " + l.receiveToPage().getFirst());
    }

    @Test
    void theAlarmBenchmarkSeesEveryInjectedCrossingDrawn() throws Exception {
        List<Long> latencies = LiveBenchmark.alarms(2, 2, System.out, running);

        assertEquals(2 * 2, latencies.size(), "two crossings per round on two beds, each drawn on the card and in its bed view");
        assertTrue(latencies.getFirst() >= -50, "not drawn before the crossing value arrived: " + latencies.getFirst());
    }
}
