package org.openinfusion.station.device.mqtt;

import java.util.List;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.StreamKind;

/**
 * Parses {@code {prefix}/beds/{bed}/devices/{device}/(numerics|status|waveforms/{stream})}.
 * See docs/mqtt.md.
 */
final class TopicParser {
    private final String prefix;

    TopicParser(String prefix) {
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /**
     * The subscription filter: everything under the prefix, so that a topic outside the device tree is
     * seen and rejected ({@code UNKNOWN_TOPIC}) instead of never arriving.
     */
    String subscription() {
        return prefix + "#";
    }

    /**
     * Filters earlier versions subscribed to. A persistent session keeps its subscriptions on the broker,
     * and a message matching two of them may be delivered twice: they are unsubscribed on connecting.
     */
    List<String> formerSubscriptions() {
        return List.of(prefix + "beds/+/devices/+/#");
    }

    MqttTopic parse(String topic) throws DecodeException {
        if (!topic.startsWith(prefix)) {
            throw unknown(topic, "outside " + prefix);
        }
        String[] parts = topic.substring(prefix.length()).split("/", -1);
        if (parts.length < 5 || !parts[0].equals("beds") || !parts[2].equals("devices")) {
            throw unknown(topic, "not beds/{bed}/devices/{device}/...");
        }
        if (!DeviceRef.isValidId(parts[1]) || !DeviceRef.isValidId(parts[3])) {
            throw unknown(topic, "bad bed or device id");
        }
        DeviceRef source = new DeviceRef(parts[1], parts[3]);
        String leaf = parts[4];
        if (parts.length == 5 && leaf.equals("numerics")) {
            return new MqttTopic.Numerics(source);
        }
        if (parts.length == 5 && leaf.equals("status")) {
            return new MqttTopic.Status(source);
        }
        if (parts.length == 6 && leaf.equals("waveforms")) {
            Stream stream = Stream.byKey(parts[5])
                    .filter(s -> s.kind() == StreamKind.WAVEFORM)
                    .orElseThrow(() -> new DecodeException(RejectReason.UNKNOWN_STREAM,
                            "no waveform stream '" + parts[5] + "'"));
            return new MqttTopic.Waveform(source, stream);
        }
        throw unknown(topic, "unknown leaf '" + leaf + "'");
    }

    private static DecodeException unknown(String topic, String why) {
        return new DecodeException(RejectReason.UNKNOWN_TOPIC, why);
    }
}
