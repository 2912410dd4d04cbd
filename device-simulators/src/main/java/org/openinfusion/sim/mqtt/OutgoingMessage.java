package org.openinfusion.sim.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * One MQTT message a simulated device sends.
 *
 * @param device the device id, which picks the MQTT client
 * @param topic full topic
 * @param payload bytes as sent
 * @param qos always 1 for device data and status
 * @param retained true only for status messages
 * @param values samples (waveform) or records (numerics) carried; 0 for status
 */
public record OutgoingMessage(String device, String topic, byte[] payload, int qos, boolean retained, int values) {

    public static final int QOS = 1;
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public static OutgoingMessage data(String device, String topic, byte[] payload, int values) {
        return new OutgoingMessage(device, topic, payload, QOS, false, values);
    }

    /** The retained {@code online} / {@code offline} message of a device. */
    public static OutgoingMessage status(String device, String topic, boolean online) {
        byte[] payload = (online ? ONLINE : OFFLINE).getBytes(StandardCharsets.UTF_8);
        return new OutgoingMessage(device, topic, payload, QOS, true, 0);
    }

    public boolean isStatus() {
        return retained;
    }

    /** The payload as UTF-8 text (for JSON and status payloads). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
