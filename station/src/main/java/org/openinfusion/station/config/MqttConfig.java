package org.openinfusion.station.config;

import java.time.Duration;

/**
 * MQTT ingest. {@code url} is a broker URL such as {@code tcp://127.0.0.1:1883}, or {@code embedded}
 * to start the in-process broker on {@code embeddedPort} (0 = any free port). {@code silentAfter}: an MQTT device
 * that sends nothing for this long raises {@code DEVICE_SILENT}.
 */
public record MqttConfig(String url, int embeddedPort, String clientId, String username, String password,
                         String topicPrefix, int maxPayloadBytes, Duration keepAlive, int maxInflight, Duration silentAfter) {
    public static final String EMBEDDED = "embedded";

    public boolean embedded() {
        return EMBEDDED.equals(url);
    }

    public MqttConfig withUrl(String newUrl) {
        return new MqttConfig(newUrl, embeddedPort, clientId, username, password, topicPrefix, maxPayloadBytes, keepAlive, maxInflight,
                silentAfter);
    }

    static MqttConfig from(Settings s) {
        String url = s.string("mqtt.url");
        if (!url.equals(EMBEDDED) && !url.matches("(tcp|ssl)://[^/\\s]+:\\d+")) {
            throw s.error("mqtt.url", "must be 'embedded' or tcp://host:port or ssl://host:port");
        }
        String prefix = s.string("mqtt.topicPrefix");
        if (prefix.isEmpty() || prefix.contains("+") || prefix.contains("#") || prefix.startsWith("/")) {
            throw s.error("mqtt.topicPrefix", "must be a plain topic path without wildcards");
        }
        return new MqttConfig(url, s.integer("mqtt.embeddedPort", 0, 65535), s.string("mqtt.clientId"),
                s.string("mqtt.username"), s.string("mqtt.password"), prefix,
                s.integer("mqtt.maxPayloadBytes", 1024, 256 * 1024 * 1024), s.duration("mqtt.keepAlive"),
                s.integer("mqtt.maxInflight", 10, 65535), silentAfter(s));
    }

    private static Duration silentAfter(Settings s) {
        Duration d = s.duration("mqtt.silentAfter");
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw s.error("mqtt.silentAfter", "must be at least 1s");
        }
        return d;
    }
}
