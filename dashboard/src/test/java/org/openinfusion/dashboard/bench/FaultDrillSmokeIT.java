package org.openinfusion.dashboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fault drill at smoke size (1 bed for 40 s; InfluxDB down 12 s with the station killed -9 in it, a broker
 * restart, the monitor unplugged for 3 s): checks correctness only - nothing lost or duplicated, the monitor resumes,
 * and the station raised and cleared the technical alarms of each fault. Its times are printed, never asserted.
 */
class FaultDrillSmokeIT {
    private static boolean logged(FaultDrill.Result r, String what) {
        return r.alarms().stream().anyMatch(e -> e.source().equals("log") && e.what().startsWith(what));
    }

    @Test
    void oneBedThroughAnInfluxOutageAStationKillABrokerRestartAndAnUnpluggedMonitorLosesNothing() throws Exception {
        var options = new FaultDrill.Options(1, Duration.ofSeconds(40), Duration.ofSeconds(12), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(4), System.out);

        FaultDrill.Result r = FaultDrill.run(options);

        assertTrue(r.offered() > 30 * 1687, "about 40 s of one full-profile bed offered: " + r.offered());
        assertEquals(r.offered(), r.distinct(), "distinct sequence numbers in InfluxDB = offered");
        assertEquals(0, r.duplicates());
        assertTrue(r.allAcknowledged() && r.drained() && r.serialResumed(), r.toString());
        assertTrue(r.clean());
        for (String alarm : new String[] {"STORE_UNREACHABLE", "BROKER_DISCONNECTED", "DEVICE_DISCONNECTED"}) {
            assertTrue(logged(r, alarm + " raised") && logged(r, alarm + " cleared"), alarm + " raised and cleared: " + r.alarms());
        }
    }
}
