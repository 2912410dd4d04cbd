package org.openinfusion.dashboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capacity benchmark at smoke size (2 beds, 15 s, no memory phases): checks correctness only,
 * that everything offered is counted in InfluxDB exactly once. Its timing figures are printed, never asserted.
 */
class CapacitySmokeIT {
    @Test
    void twoBedsForFifteenSecondsAreStoredExactlyOnce() throws Exception {
        var options = new CapacityBenchmark.Options(2, Duration.ofSeconds(15), Duration.ofSeconds(15), List.of(2), false, System.out);

        CapacityBenchmark.Result r = CapacityBenchmark.run(options);

        assertTrue(r.allAcknowledged(), "the broker acknowledged everything the simulator published");
        assertTrue(r.offered() > 2 * 14 * 1687, "about 15 s of two full-profile beds offered: " + r.offered());
        assertEquals(r.offered(), r.delivered(), "delivered (distinct sequence numbers in InfluxDB) = offered");
        assertEquals(0, r.duplicates());
        assertEquals(0, r.missing());
        assertEquals(2, r.largestZeroLossBeds());
    }
}
