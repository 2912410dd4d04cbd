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
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String device;
    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final Set<String> read = new HashSet<>();

    public DeviceOptions(String device, Map<String, String> values) {
        this(device, values, Map.of());
    }

    /** With where each option came from ({@code origins}, by option key), named in the error messages. */
    public DeviceOptions(String device, Map<String, String> values, Map<String, String> origins) {
        this.device = device;
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
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
            throw error(key, v, "is not a duration such as 500ms, 5s, 1m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
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
                throw new ConfigException("unknown setting device." + device + "." + key + from(key));
            }
        }
    }

    public ConfigException error(String key, String value, String problem) {
        return new ConfigException("setting device." + device + "." + key + " = '" + value + "'" + from(key) + " " + problem);
    }

    private String from(String key) {
        return origins.containsKey(key) ? " (from " + origins.get(key) + ")" : "";
    }
}
