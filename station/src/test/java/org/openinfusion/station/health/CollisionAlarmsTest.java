package org.openinfusion.station.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollisionAlarmsTest {
    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");
    private final CollisionAlarms alarms = new CollisionAlarms();

    private List<String> check(Map<String, Long> totals) {
        return alarms.check(totals, T).stream()
                .map(a -> a.code() + " " + a.source().orElseThrow() + (a.active() ? " raised" : " cleared")).toList();
    }

    @Test
    void aSingleCollisionIsCountedButRaisesNothing() {
        assertEquals(List.of(), check(Map.of("bed-01/monitor/hr", 1L)));
        assertEquals(List.of(), check(Map.of("bed-01/monitor/hr", 1L)));
    }

    @Test
    void collisionsInTwoChecksInARowRaiseTimeCollisionsForTheDeviceAndACheckWithoutOneClearsIt() {
        assertEquals(List.of(), check(Map.of("bed-01/monitor/hr", 2L)));
        assertEquals(List.of("TIME_COLLISIONS bed-01/monitor raised"), check(Map.of("bed-01/monitor/hr", 2L, "bed-01/monitor/spo2", 1L)));
        assertEquals(List.of(), check(Map.of("bed-01/monitor/hr", 3L, "bed-01/monitor/spo2", 1L)), "still active: reported once");
        assertEquals(List.of("TIME_COLLISIONS bed-01/monitor cleared"), check(Map.of("bed-01/monitor/hr", 3L, "bed-01/monitor/spo2", 1L)));
    }

    @Test
    void devicesAreJudgedApart() {
        check(Map.of("bed-01/monitor/hr", 1L, "bed-02/pump/pump_rate", 1L));
        assertEquals(List.of("TIME_COLLISIONS bed-02/pump raised"), check(Map.of("bed-01/monitor/hr", 1L, "bed-02/pump/pump_rate", 2L)));
    }
}
