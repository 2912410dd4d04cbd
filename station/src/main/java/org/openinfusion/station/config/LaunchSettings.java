package org.openinfusion.station.config;

import java.nio.file.Path;

/** Reads settings for a launcher: {@code --config FILE} or {@code STATION_CONFIG}, then environment and system properties. */
public final class LaunchSettings {
    private LaunchSettings() {
    }

    /** Points logback at the station's configuration unless the user chose another (call before any logger exists). */
    public static void useStationLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "station-logback.xml");
        }
    }

    /** The settings from {@code file}, or when it is null from {@code STATION_CONFIG} (or none), then environment and system properties. */
    public static Settings read(Path file) {
        return Settings.load(configFile(file), System.getenv(), System.getProperties());
    }

    /** The configuration file a launcher reads: the one given, else {@code STATION_CONFIG}, else none (null). */
    public static Path configFile(Path given) {
        if (given == null && System.getenv("STATION_CONFIG") != null) {
            return Path.of(System.getenv("STATION_CONFIG"));
        }
        return given;
    }

    public static Settings read(String[] args) {
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if (!args[i].startsWith("--")) {
                throw new ConfigException("unexpected argument '" + args[i] + "'; usage: [--config FILE]");
            }
        }
        return read(file);
    }
}
