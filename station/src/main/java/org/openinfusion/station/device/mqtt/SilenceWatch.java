package org.openinfusion.station.device.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openinfusion.station.domain.DeviceStatusSnapshot;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;

/**
 * Which MQTT devices have gone silent. A device is watched from the moment the station hears of it: its
 * first value, or a status saying {@code online} (also a retained one: a device that says it is online but
 * never sends counts as silent). It is silent when nothing came for {@code silentAfter} since then or since
 * its last value, and stops being silent with its next value. A device whose status says {@code offline}
 * is not watched (the offline status is reported on its own) until it says online or sends again.
 * Pure (times come from the caller) and thread-safe: values arrive on Paho's thread, checks from a timer.
 */
final class SilenceWatch {
    /** A device became silent, or spoke again. */
    record Change(DeviceRef device, boolean silent, String message) {
    }

    private static final class Device {
        Instant since;
        Instant lastData;
        boolean online = true;
        boolean silent;
        long values;
        long bytes;
        String topic;
    }

    private final Duration silentAfter;
    private volatile String broker;
    private final Map<DeviceRef, Device> devices = new TreeMap<>(Comparator.comparing(DeviceRef::toString));

    SilenceWatch(Duration silentAfter) {
        if (silentAfter.isNegative() || silentAfter.isZero()) {
            throw new IllegalArgumentException("silentAfter must be positive: " + silentAfter);
        }
        this.silentAfter = silentAfter;
    }

    synchronized void values(DeviceRef source, int count, Instant now) {
        Device d = device(source, now);
        d.lastData = now;
        d.online = true;
        d.values += count;
    }

    /** One MQTT message from {@code source} on {@code topic}: its payload bytes count to the device's traffic. */
    synchronized void received(DeviceRef source, String topic, int payloadBytes, Instant now) {
        Device d = device(source, now);
        d.bytes += payloadBytes;
        d.topic = topic;
    }

    /** The broker the station is connected to (shown as every MQTT device's server), e.g. "tcp://127.0.0.1:1883". */
    void broker(String serverUri) {
        broker = serverUri;
    }

    synchronized void status(DeviceStatus status, Instant now) {
        Device known = devices.get(status.source());
        if (status.retained() && known != null && known.online == status.online()) {
            return; // handed over again on re-subscribing: nothing new, the silence clock runs on
        }
        Device d = device(status.source(), now);
        d.online = status.online();
        if (status.online()) {
            d.since = now;
        }
    }

    /**
     * The station is connected to the broker again: while it was away nothing could arrive, so every device
     * not already silent gets {@code silentAfter} from now (messages queued by the broker arrive first).
     * A device already silent stays so until it sends.
     */
    synchronized void reconnected(Instant now) {
        devices.values().stream().filter(d -> !d.silent).forEach(d -> d.since = now);
    }

    /** The devices whose silence began or ended by {@code now}. */
    synchronized List<Change> check(Instant now) {
        List<Change> out = new ArrayList<>();
        devices.forEach((ref, d) -> {
            Instant last = d.lastData == null || d.lastData.isBefore(d.since) ? d.since : d.lastData;
            boolean silent = d.online && !now.isBefore(last.plus(silentAfter));
            if (silent != d.silent) {
                d.silent = silent;
                out.add(new Change(ref, silent, silent
                        ? ref + " sent nothing for " + Duration.between(last, now).toSeconds() + " s"
                                + (d.lastData == null ? " since it said it was online" : "")
                        : ref + (d.online ? " sends again" : " is offline")));
            }
        });
        return out;
    }

    /**
     * Every device heard of, as /health lists devices: the transport once (protocol "MQTT"), the broker as its server, its
     * last topic as its line, and the payload bytes and values it sent.
     */
    synchronized List<DeviceStatusSnapshot> snapshots() {
        List<DeviceStatusSnapshot> out = new ArrayList<>();
        String server = broker == null ? "broker not connected" : broker;
        devices.forEach((ref, d) -> out.add(new DeviceStatusSnapshot(ref.toString(), server, "MQTT", d.topic == null ? "no message yet"
                : "topic " + d.topic, d.online, d.silent, d.bytes, d.values, Optional.ofNullable(d.lastData), Map.of())));
        return out;
    }

    private Device device(DeviceRef ref, Instant now) {
        return devices.computeIfAbsent(ref, r -> {
            Device d = new Device();
            d.since = now;
            return d;
        });
    }
}
