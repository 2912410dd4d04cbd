package org.openinfusion.dashboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The latency and alarm benchmarks at smoke size (one bed, one bed view): checks correctness only, that the page
 * reports every kind of figure and that no figure runs backwards in time; then the dashboards benchmark's pages in
 * windows of one Chromium. Their timings are printed, never asserted.
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
    void theBenchmarksTimeChunksNumericsACrossingAndASilentMonitorFromTheStationToThePage() throws Exception {
        LiveBenchmark.Smoke s = LiveBenchmark.smoke(System.out, running);
        LiveBenchmark.Latency l = s.latency();

        assertFalse(l.allDrawn().isEmpty(), "chunks drawn in the bed view");
        assertFalse(l.receiveToPage().isEmpty(), "chunks arrived in the page");
        assertFalse(l.numericToShown().isEmpty(), "numerics shown in the bed view");
        // a sample is drawn after it was emitted, and arrives in the page after the station received it
        assertTrue(l.allDrawn().getFirst() >= 0, "emit -> drawn, least " + l.allDrawn().getFirst());
        assertTrue(l.receiveToPage().getFirst() >= -1, "receive -> page, least " + l.receiveToPage().getFirst());
        // the simulator's publish (its hand-over to MQTT) of the chunks the page drew is known, after their emit and
        // before the station received them (one clock, milliseconds rounded)
        assertFalse(l.emitToPublish().isEmpty(), "publish times of the chunks drawn, from the simulator");
        assertTrue(l.emitToPublish().getFirst() >= -1, "emit -> publish, least " + l.emitToPublish().getFirst());
        assertTrue(l.publishToReceive().getFirst() >= -1, "publish -> receive, least " + l.publishToReceive().getFirst());
        assertNotNull(s.crossingToBanner(), "the heart-rate crossing drawn in the banner");
        assertTrue(s.crossingToBanner() >= -50, "not drawn before the crossing value arrived: " + s.crossingToBanner());
        assertNotNull(s.silentToBanner(), "the silent monitor drawn in the banner");
        assertTrue(s.silentToBanner() >= -50, "not drawn before the silence time had passed: " + s.silentToBanner());

        // the dashboards benchmark's pages: windows of one Chromium, each with the page hook, visible (a hidden page draws
        // no frames), receiving its pushes and drawing its traces, in a session of its own
        List<LiveBenchmark.WindowRead> windows = LiveBenchmark.sharedWindows(running[0], "bed-01", System.out);
        for (LiveBenchmark.WindowRead w : windows) {
            assertEquals("visible", w.visibility(), w.name());
            assertTrue(w.frames() > 0, w.name() + ": frames counted");
            assertTrue(w.pushes() > 0, w.name() + ": push messages counted");
            assertTrue(w.paints() > 0, w.name() + ": trace chunks drawn");
            assertFalse(w.cookies().isEmpty(), w.name() + ": signed in with a session cookie");
        }
        assertNotEquals(windows.get(0).cookies(), windows.get(1).cookies(), "each window signed in in a session of its own");
    }
}
