package org.openinfusion.station.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serial devices, by name: {@code devices=mon1,pump1}, then for each {@code device.NAME.protocol},
 * {@code .port} (a serial port path) or {@code .tcp} (host:port of a serial device server),
 * {@code .bed}, and optionally {@code .id} (default NAME), {@code .silentAfter} (default 15s),
 * {@code .capture} (a raw capture file). Other {@code device.NAME.*} keys are the protocol's options,
 * checked by the protocol. None by default.
 */
public record DevicesConfig(List<Device> devices) {
    private static final Set<String> COMMON = Set.of("protocol", "port", "tcp", "bed", "id", "silentAfter", "capture");
    private static final Duration DEFAULT_SILENT_AFTER = Duration.ofSeconds(15);

    /**
     * One configured device; exactly one of {@code port} and {@code tcpHost} is present. {@code origins}: where each of
     * its protocol options came from (file, system property), for the protocol's error messages.
     */
    public record Device(String name, String protocol, Optional<String> port, Optional<String> tcpHost, int tcpPort,
                         String bed, String deviceId, Duration silentAfter, Optional<Path> capture, Map<String, String> options,
                         Map<String, String> origins) {
        public Device {
            options = Map.copyOf(options);
            origins = Map.copyOf(origins);
        }

        public String endpoint() {
            return port.orElseGet(() -> "tcp://" + tcpHost.orElseThrow() + ":" + tcpPort);
        }
    }

    public DevicesConfig {
        devices = List.copyOf(devices);
    }

    static DevicesConfig from(Settings s) {
        List<Device> out = new ArrayList<>();
        for (String name : s.string("devices").split(",")) {
            if (!name.isBlank()) {
                out.add(device(s, name.trim()));
            }
        }
        return new DevicesConfig(out);
    }

    private static Device device(Settings s, String name) {
        String p = "device." + name + ".";
        Map<String, String> all = s.withPrefix(p);
        if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
            throw s.error("devices", "device name '" + name + "' must match [A-Za-z0-9_-]{1,32}");
        }
        String protocol = required(all, p, "protocol");
        String bed = required(all, p, "bed");
        String id = all.getOrDefault("id", name).trim();
        if (!bed.matches("[A-Za-z0-9_-]{1,32}")) {
            throw s.error(p + "bed", "must match [A-Za-z0-9_-]{1,32}");
        }
        if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw s.error(p + "id", "must match [A-Za-z0-9_-]{1,32}");
        }
        Optional<String> port = Optional.ofNullable(all.get("port")).map(String::trim).filter(v -> !v.isEmpty());
        Optional<String> tcp = Optional.ofNullable(all.get("tcp")).map(String::trim).filter(v -> !v.isEmpty());
        if (port.isPresent() == tcp.isPresent()) {
            throw new ConfigException("device " + name + " needs exactly one of " + p + "port and " + p + "tcp ("
                    + (port.isPresent() ? "both are set, from " + s.origin(p + "port") + " and " + s.origin(p + "tcp") : "neither is set")
                    + ")");
        }
        int tcpPort = 0;
        Optional<String> host = Optional.empty();
        if (tcp.isPresent()) {
            int colon = tcp.get().lastIndexOf(':');
            try {
                tcpPort = Integer.parseInt(tcp.get().substring(colon + 1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                tcpPort = -1;
            }
            if (colon <= 0 || tcpPort < 1 || tcpPort > 65535) {
                throw s.error(p + "tcp", "must be host:port");
            }
            host = Optional.of(tcp.get().substring(0, colon));
        }
        Duration silent = all.containsKey("silentAfter") ? s.duration(p + "silentAfter") : DEFAULT_SILENT_AFTER;
        Optional<Path> capture = Optional.ofNullable(all.get("capture")).map(String::trim).filter(v -> !v.isEmpty()).map(Path::of);
        Map<String, String> options = new HashMap<>(all);
        COMMON.forEach(options::remove);
        Map<String, String> origins = new HashMap<>();
        options.keySet().forEach(key -> origins.put(key, s.origin(p + key)));
        return new Device(name, protocol.trim(), port, host, tcpPort, bed, id, silent, capture, options, origins);
    }

    private static String required(Map<String, String> all, String prefix, String key) {
        String v = all.get(key);
        if (v == null || v.isBlank()) {
            throw new ConfigException("setting " + prefix + key + " is required (docs/configuration.md, \"Serial devices\")");
        }
        return v.trim();
    }
}
