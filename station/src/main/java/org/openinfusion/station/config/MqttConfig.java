package org.openinfusion.station.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * MQTT ingest. {@code url} is a broker URL such as {@code tcp://127.0.0.1:1883}, or {@code embedded}
 * to start the in-process broker on {@code embeddedPort} (0 = any free port). {@code silentAfter}: an MQTT device
 * that sends nothing for this long raises {@code DEVICE_SILENT}. {@code deviceRegistry}: the devices allowed to send
 * (read once; empty = the start is refused unless {@code allowUnregisteredDevices}); {@code caFile}: the PEM certificate(s) an {@code ssl://}
 * broker's certificate must chain to (empty = the JVM's trusted authorities); {@code embeddedTls}: the embedded broker
 * listens with TLS only (docs/mqtt.md, "Broker security"). {@code allowUnregisteredDevices}: the development setting
 * that lets a station start without a registry ({@link #checkDeviceRegistry}); {@code embeddedClientCa}: the PEM
 * authority of devices' client certificates for the embedded broker (empty = no client certificates);
 * {@code embeddedInMemory}: the embedded broker keeps its sessions, queues and retained messages in memory only
 * ({@code mqtt.embeddedPersistence=in-memory}, the demo's setting), not on disk.
 */
public record MqttConfig(String url, int embeddedPort, String clientId, String username, String password,
                         String topicPrefix, int maxPayloadBytes, Duration keepAlive, int maxInflight, Duration silentAfter,
                         Optional<DeviceRegistry> deviceRegistry, Optional<Path> caFile, boolean embeddedTls,
                         boolean allowUnregisteredDevices, Optional<Path> embeddedClientCa,
                         boolean embeddedInMemory) {
    public static final String EMBEDDED = "embedded";
    /** {@code mqtt.embeddedPersistence}: the embedded broker keeps its sessions and queues on disk (the default). */
    public static final String PERSISTENCE_FILE = "file";
    /** {@code mqtt.embeddedPersistence}: in memory only, a lighter start; what it holds is lost with the process. */
    public static final String PERSISTENCE_IN_MEMORY = "in-memory";

    public boolean embedded() {
        return EMBEDDED.equals(url);
    }

    public MqttConfig withUrl(String newUrl) {
        return new MqttConfig(newUrl, embeddedPort, clientId, username, password, topicPrefix, maxPayloadBytes, keepAlive, maxInflight,
                silentAfter, deviceRegistry, caFile, embeddedTls, allowUnregisteredDevices, embeddedClientCa, embeddedInMemory);
    }

    /** The station's own broker account. */
    public MqttConfig withCredentials(String user, String secret) {
        return new MqttConfig(url, embeddedPort, clientId, user, secret, topicPrefix, maxPayloadBytes, keepAlive, maxInflight,
                silentAfter, deviceRegistry, caFile, embeddedTls, allowUnregisteredDevices, embeddedClientCa, embeddedInMemory);
    }

    public MqttConfig withDeviceRegistry(DeviceRegistry registry) {
        return new MqttConfig(url, embeddedPort, clientId, username, password, topicPrefix, maxPayloadBytes, keepAlive, maxInflight,
                silentAfter, Optional.of(registry), caFile, embeddedTls, allowUnregisteredDevices, embeddedClientCa, embeddedInMemory);
    }

    public MqttConfig withCaFile(Path file) {
        return new MqttConfig(url, embeddedPort, clientId, username, password, topicPrefix, maxPayloadBytes, keepAlive, maxInflight,
                silentAfter, deviceRegistry, Optional.of(file), embeddedTls, allowUnregisteredDevices, embeddedClientCa, embeddedInMemory);
    }

    /** Why a start without a device registry is refused, naming the two ways out. */
    public static final String NO_REGISTRY = "mqtt.deviceRegistry is not set: without a device registry any client that "
            + "reaches the broker could write values into a patient's record, so the station does not start. Configure the "
            + "registry (docs/mqtt.md, \"Broker security\"; an empty file accepts no MQTT device), or for development only "
            + "set mqtt.allowUnregisteredDevices=true";

    /**
     * The start-up rule for the device registry: with one, nothing to say; without one, refused
     * ({@link ConfigException}, {@link #NO_REGISTRY}) unless {@code mqtt.allowUnregisteredDevices=true}, in which case
     * the warning to log loudly is returned.
     */
    public Optional<String> checkDeviceRegistry() {
        if (deviceRegistry.isPresent()) {
            return Optional.empty();
        }
        if (!allowUnregisteredDevices) {
            throw new ConfigException(NO_REGISTRY);
        }
        return Optional.of("DEVELOPMENT MODE (mqtt.allowUnregisteredDevices=true): no device registry, values from ANY "
                + "client that reaches the broker are accepted as device data. Never run this with patients (docs/mqtt.md).");
    }

    static MqttConfig from(Settings s) {
        String url = s.string("mqtt.url");
        if (!url.equals(EMBEDDED) && !url.matches("(tcp|ssl)://[^/\\s]+:\\d+")) {
            throw s.error("mqtt.url", "must be 'embedded' or tcp://host:port or ssl://host:port");
        }
        if (url.startsWith("tcp://") && !s.string("mqtt.caFile").isBlank()) {
            throw s.error("mqtt.caFile", "is for ssl:// brokers; mqtt.url is " + url);
        }
        if (!s.string("mqtt.embeddedClientCa").isBlank() && !s.bool("mqtt.embeddedTls")) {
            throw s.error("mqtt.embeddedClientCa", "needs the embedded broker's TLS listener (mqtt.embeddedTls=true)");
        }
        String prefix = s.string("mqtt.topicPrefix");
        if (prefix.isEmpty() || prefix.contains("+") || prefix.contains("#") || prefix.startsWith("/")) {
            throw s.error("mqtt.topicPrefix", "must be a plain topic path without wildcards");
        }
        return new MqttConfig(url, s.integer("mqtt.embeddedPort", 0, 65535), s.string("mqtt.clientId"),
                s.string("mqtt.username"), s.string("mqtt.password"), prefix,
                s.integer("mqtt.maxPayloadBytes", 1024, 256 * 1024 * 1024), s.duration("mqtt.keepAlive"),
                s.integer("mqtt.maxInflight", 10, 65535), silentAfter(s), registry(s), path(s, "mqtt.caFile"),
                s.bool("mqtt.embeddedTls"), s.bool("mqtt.allowUnregisteredDevices"),
                path(s, "mqtt.embeddedClientCa"), embeddedInMemory(s));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MqttConfig[url=" + url + ", clientId=" + clientId + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "(set)") + ", topicPrefix=" + topicPrefix + ", deviceRegistry="
                + deviceRegistry.map(r -> r.size() + " devices").orElse("none") + ", caFile=" + caFile.orElse(null) + "]";
    }

    private static Optional<DeviceRegistry> registry(Settings s) {
        return path(s, "mqtt.deviceRegistry").map(DeviceRegistry::read);
    }

    private static Optional<Path> path(Settings s, String key) {
        String v = s.string(key).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v).toAbsolutePath());
    }

    private static boolean embeddedInMemory(Settings s) {
        String v = s.string("mqtt.embeddedPersistence").strip();
        if (!v.equals(PERSISTENCE_FILE) && !v.equals(PERSISTENCE_IN_MEMORY)) {
            throw s.error("mqtt.embeddedPersistence", "must be '" + PERSISTENCE_FILE + "' or '" + PERSISTENCE_IN_MEMORY + "'");
        }
        return v.equals(PERSISTENCE_IN_MEMORY);
    }

    private static Duration silentAfter(Settings s) {
        Duration d = s.duration("mqtt.silentAfter");
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw s.error("mqtt.silentAfter", "must be at least 1s");
        }
        return d;
    }
}
