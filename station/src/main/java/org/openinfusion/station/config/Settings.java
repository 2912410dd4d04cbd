package org.openinfusion.station.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw settings, layered: built-in defaults, then a properties file, then environment variables
 * ({@code mqtt.url} is {@code STATION_MQTT_URL}), then system properties ({@code -Dstation.mqtt.url}).
 * Every value remembers where it came from, so errors can say. Read once at start-up; see
 * docs/configuration.md.
 */
public final class Settings {
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|TiB)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    /** Per-device keys ({@code device.NAME.KEY}) have no defaults: their names come from {@code devices}. */
    private static final String DEVICE_PREFIX = "device.";

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private Settings(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    public static Settings load(Path file, Map<String, String> env, Properties system) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        Properties defaults = defaults();
        for (String key : defaults.stringPropertyNames()) {
            put(values, origins, key, defaults.getProperty(key), "built-in default");
        }
        if (file != null) {
            Properties fromFile = readFile(file);
            for (String key : fromFile.stringPropertyNames()) {
                if (!defaults.containsKey(key) && !key.startsWith(DEVICE_PREFIX)) {
                    throw new ConfigException("unknown setting '" + key + "' in " + file + "; known settings: " + new TreeSet<>(values.keySet()));
                }
                put(values, origins, key, fromFile.getProperty(key), file.toString());
            }
        }
        for (String key : defaults.stringPropertyNames()) {
            String envName = envName(key);
            if (env.containsKey(envName)) {
                put(values, origins, key, env.get(envName), "environment variable " + envName);
            }
            if (system.containsKey("station." + key)) {
                put(values, origins, key, system.getProperty("station." + key), "system property station." + key);
            }
        }
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("station." + DEVICE_PREFIX)) {
                put(values, origins, key.substring("station.".length()), system.getProperty(key), "system property " + key);
            }
        }
        return new Settings(values, origins);
    }

    /** Defaults only, with some keys overridden (tests and the demo launcher). */
    public static Settings defaultsWith(Map<String, String> overrides) {
        Properties system = new Properties();
        overrides.forEach((k, v) -> system.setProperty("station." + k, v));
        Settings s = load(null, Map.of(), system);
        for (String key : overrides.keySet()) {
            if (!s.values.containsKey(key)) {
                throw new ConfigException("unknown setting '" + key + "'");
            }
        }
        return s;
    }

    public static String envName(String key) {
        return "STATION_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    /** Every key starting with {@code prefix}, with the prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("setting '" + key + "' is not defined");
        }
        return v.trim();
    }

    public int integer(String key, int min, int max) {
        try {
            int v = Integer.parseInt(string(key));
            if (v < min || v > max) {
                throw error(key, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(key, "is not a whole number");
        }
    }

    public double fraction(String key) {
        try {
            double v = Double.parseDouble(string(key));
            if (!(v > 0 && v < 1)) {
                throw error(key, "must be a fraction between 0 and 1 (exclusive)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(key, "is not a number");
        }
    }

    public long bytes(String key) {
        Matcher m = BYTES.matcher(string(key));
        if (!m.matches()) {
            throw error(key, "is not a size such as 512MiB or 2GiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        int shift = switch (unit) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            case "GiB" -> 30;
            case "TiB" -> 40;
            default -> 0;
        };
        return n << shift;
    }

    public Duration duration(String key) {
        Matcher m = DURATION.matcher(string(key));
        if (!m.matches()) {
            throw error(key, "is not a duration such as 500ms, 5s, 10m, 2h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    public boolean bool(String key) {
        return switch (string(key).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "must be true or false");
        };
    }

    /** Where a setting's value came from: the file, the environment variable, the system property or the defaults. */
    public String origin(String key) {
        return origins.getOrDefault(key, "not set");
    }

    public ConfigException error(String key, String problem) {
        return new ConfigException("setting " + key + " = '" + values.get(key) + "' (from " + origins.get(key) + ") " + problem);
    }

    private static void put(Map<String, String> values, Map<String, String> origins, String key, String value, String origin) {
        values.put(key, value);
        origins.put(key, origin);
    }

    private static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/station-defaults.properties")) {
            if (in == null) {
                throw new ConfigException("station-defaults.properties is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in defaults: " + e.getMessage());
        }
        return p;
    }

    private static Properties readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        return p;
    }
}
