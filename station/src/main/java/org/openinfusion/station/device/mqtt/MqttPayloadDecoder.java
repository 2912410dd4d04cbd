package org.openinfusion.station.device.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.Rejection;

/**
 * Turns one MQTT message (topic and payload bytes) into domain records. Pure: no threads, no I/O,
 * never throws for bad input; every problem becomes a {@link Rejection}.
 */
public final class MqttPayloadDecoder {
    private final TopicParser topics;
    private final int maxPayloadBytes;
    private final SenmlDecoder senml;
    private final WaveformChunkDecoder waveforms;
    private final Predicate<DeviceRef> registered;

    /** A decoder accepting every device (no registry). */
    public MqttPayloadDecoder(String topicPrefix, int maxPayloadBytes) {
        this(topicPrefix, maxPayloadBytes, source -> true);
    }

    /** A decoder rejecting ({@code UNKNOWN_DEVICE}) messages whose topic names a bed and device not {@code registered}. */
    public MqttPayloadDecoder(String topicPrefix, int maxPayloadBytes, Predicate<DeviceRef> registered) {
        this.registered = registered;
        this.topics = new TopicParser(topicPrefix);
        this.maxPayloadBytes = maxPayloadBytes;
        TimeWindow window = new TimeWindow();
        this.senml = new SenmlDecoder(window);
        this.waveforms = new WaveformChunkDecoder(window);
    }

    /** The subscription filter: every topic under the prefix. */
    public String subscription() {
        return topics.subscription();
    }

    /** Filters of earlier versions, to be unsubscribed from a persistent session. */
    public List<String> formerSubscriptions() {
        return topics.formerSubscriptions();
    }

    public DecodeResult decode(String topic, byte[] payload, Instant received) {
        try {
            MqttTopic parsed = topics.parse(topic);
            if (!registered.test(parsed.source())) {
                return DecodeResult.rejected(new Rejection(RejectReason.UNKNOWN_DEVICE, parsed.source() + " is not in the device registry"));
            }
            if (payload.length > maxPayloadBytes) {
                return DecodeResult.rejected(new Rejection(RejectReason.OVERSIZED,
                        payload.length + " bytes > " + maxPayloadBytes));
            }
            return switch (parsed) {
                case MqttTopic.Numerics n -> numerics(n, payload, received);
                case MqttTopic.Waveform w -> new DecodeResult(
                        List.of(waveforms.decode(w.source(), w.stream(), payload, received)), Optional.empty(), List.of());
                case MqttTopic.Status s -> status(s, payload, received);
            };
        } catch (DecodeException e) {
            return DecodeResult.rejected(e.rejection());
        } catch (ArithmeticException e) {
            return DecodeResult.rejected(new Rejection(RejectReason.BAD_TIME, "time out of range"));
        }
    }

    private DecodeResult numerics(MqttTopic.Numerics n, byte[] payload, Instant received) {
        List<Observation> out = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        senml.decode(n.source(), payload, received, out, rejected);
        return new DecodeResult(out, Optional.empty(), rejected);
    }

    private static DecodeResult status(MqttTopic.Status s, byte[] payload, Instant received) throws DecodeException {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        return switch (text) {
            case "online" -> new DecodeResult(List.of(), Optional.of(new DeviceStatus(s.source(), true, received)), List.of());
            case "offline" -> new DecodeResult(List.of(), Optional.of(new DeviceStatus(s.source(), false, received)), List.of());
            default -> throw new DecodeException(RejectReason.MALFORMED_PAYLOAD, "status must be online or offline");
        };
    }
}
