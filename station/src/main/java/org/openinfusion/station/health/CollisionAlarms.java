package org.openinfusion.station.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openinfusion.station.domain.DeviceRef;

/**
 * Turns collision counts into a per-device technical alarm {@link TechnicalAlarm#TIME_COLLISIONS} when they
 * persist: raised when a device's streams collided in two checks in a row (health publish intervals), cleared
 * by a check without a new collision. One collision now and then (a repeated clock second) is counted and logged
 * but raises nothing; a device whose clock is stuck does. Pure; used from one thread.
 */
final class CollisionAlarms {
    private Map<String, Long> previous = Map.of();
    private final Map<DeviceRef, Integer> checksInARow = new HashMap<>();

    /** The alarms to raise or clear, given the totals per {@code bed/device/stream} at {@code time}. */
    List<TechnicalAlarm> check(Map<String, Long> totals, Instant time) {
        Map<DeviceRef, Long> fresh = new TreeMap<>(Comparator.comparing(DeviceRef::toString));
        totals.forEach((key, n) -> {
            long added = n - previous.getOrDefault(key, 0L);
            String[] part = key.split("/");
            fresh.merge(new DeviceRef(part[0], part[1]), added, Long::sum);
        });
        previous = Map.copyOf(totals);
        List<TechnicalAlarm> out = new ArrayList<>();
        fresh.forEach((device, added) -> {
            int before = checksInARow.getOrDefault(device, 0);
            int now = added > 0 ? before + 1 : 0;
            checksInARow.put(device, now);
            if (now == 2) {
                out.add(new TechnicalAlarm(TechnicalAlarm.TIME_COLLISIONS, true, device + ": samples keep arriving with device "
                        + "times already used by other samples of their stream (" + added + " since the last check); all are "
                        + "stored, check the device clock", time, Optional.of(device)));
            } else if (now == 0 && before >= 2) {
                out.add(new TechnicalAlarm(TechnicalAlarm.TIME_COLLISIONS, false, device + ": no new time collisions", time,
                        Optional.of(device)));
            }
        });
        return out;
    }
}
