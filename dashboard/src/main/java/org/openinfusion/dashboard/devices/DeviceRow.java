package org.openinfusion.dashboard.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.domain.DeviceStatusSnapshot;

/**
 * One grid row: a device's snapshot with rates computed from the previous one. A rate needs two snapshots: until the
 * page has seen the device in two (the first publish interval after opening), it reads "measuring ..." and never 0.
 */
record DeviceRow(String name, String protocol, String endpoint, String link, String state, String bytesPerSecond,
                 String valuesPerSecond, String lastData, String problems) {

    static DeviceRow of(DeviceStatusSnapshot now, DeviceStatusSnapshot before, double seconds, Instant at) {
        boolean measured = before != null && seconds > 0;
        String bytes = measured ? Long.toString(Math.round((now.bytesReceived() - before.bytesReceived()) / seconds)) : Text.get("devices.measuring");
        String values = measured ? Long.toString(Math.round((now.valuesDecoded() - before.valuesDecoded()) / seconds)) : Text.get("devices.measuring");
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
