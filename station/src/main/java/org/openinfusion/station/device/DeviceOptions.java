package org.openinfusion.station.device;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openinfusion.station.config.ConfigException;

/** A device's protocol-specific settings ({@code device.NAME.KEY}), read and checked by its factory. */
public final class DeviceOptions {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private final String device;
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    public DeviceOptions(String device, Map<String, String> values) {
        this.device = device;
        this.values = Map.copyOf(values);
    }

    public static DeviceOptions none(String device) {
        return new DeviceOptions(device, Map.of());
    }

    public String string(String key, String fallback) {
        read.add(key);
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public Duration duration(String key, Duration fallback, Duration min) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw error(key, v, "is not a duration such as 500ms, 5s or 1m");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.compareTo(min) < 0) {
            throw error(key, v, "must be at least " + min.toMillis() + " ms");
        }
        return d;
    }

    public List<String> list(String key, String fallback) {
        return Arrays.stream(string(key, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Fails on any option the protocol did not read (a typo must not pass silently). */
    public void requireAllRead() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ConfigException("unknown setting device." + device + "." + key);
            }
        }
    }

    public ConfigException error(String key, String value, String problem) {
        return new ConfigException("setting device." + device + "." + key + " = '" + value + "' " + problem);
    }
}
