package org.openinfusion.dashboard.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.openinfusion.station.domain.DeviceStatusSnapshot;

/** One grid row: a device's snapshot with rates computed from the previous one. */
record DeviceRow(String name, String protocol, String endpoint, String link, String state, long bytesPerSecond,
                 long valuesPerSecond, String lastData, String problems) {

    static DeviceRow of(DeviceStatusSnapshot now, DeviceStatusSnapshot before, double seconds, Instant at) {
        long bytes = before == null || seconds <= 0 ? 0 : Math.round((now.bytesReceived() - before.bytesReceived()) / seconds);
        long values = before == null || seconds <= 0 ? 0 : Math.round((now.valuesDecoded() - before.valuesDecoded()) / seconds);
        String state = !now.connected() ? "DISCONNECTED" : now.silent() ? "SILENT" : "connected";
        String last = now.lastData().map(t -> Math.max(0, Duration.between(t, at).toSeconds()) + " s ago").orElse("never");
        return new DeviceRow(now.name(), now.protocol(), now.endpoint(), now.link(), state, bytes, values, last, describe(now.problems()));
    }

    private static String describe(Map<String, Long> problems) {
        String s = problems.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }
}
