package org.openinfusion.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.testing.CapturedLog;

/** The shut-down waits a bounded time for a verticle's undeploy and names the one that did not stop. */
class StopWithinTest {
    @Test
    void anUndeployThatNeverCompletesIsLeftAfterTheLimitAndNamedInTheLog() throws Exception {
        try (CapturedLog log = new CapturedLog(StationApp.class)) {
            StationApp.stopWithin(Promise.promise().future(), Duration.ofMillis(50), "the devices verticle (serial ports)");

            List<String> warned = log.containing("did not stop");
            assertEquals(1, warned.size(), log.lines().toString());
            assertTrue(warned.getFirst().startsWith("the devices verticle (serial ports) did not stop within"), warned.getFirst());
        }
    }

    @Test
    void aCompletedUndeployReturnsWithoutAWordAndAFailedOneThrows() throws Exception {
        try (CapturedLog log = new CapturedLog(StationApp.class)) {
            StationApp.stopWithin(Future.succeededFuture(), Duration.ofSeconds(5), "the MQTT ingest verticle");
            assertTrue(log.containing("did not stop").isEmpty());
        }
        assertThrows(Exception.class, () -> StationApp.stopWithin(Future.failedFuture("stop failed"), Duration.ofSeconds(5), "x"));
    }
}
