package org.openinfusion.station;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;

/** Runs the station without the dashboard: {@code Main [--config FILE]}. */
public final class Main {
    private Main() {
    }

    /** Points logback at the station's configuration unless the user chose another (call before any logger exists). */
    public static void useStationLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "station-logback.xml");
        }
    }

    public static void main(String[] args) throws Exception {
        useStationLogging();
        StationConfig config;
        try {
            config = StationConfig.from(LaunchSettings.read(args));
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        StationApp app = StationApp.start(config, Clock.systemUTC(), Vertx.vertx());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "station-shutdown"));
        System.out.println("station running; status at http://" + config.http().host() + ":" + app.statusPort() + "/health");
        stopped.await();
    }

    /** Reads settings for a launcher: {@code --config FILE} or {@code STATION_CONFIG}, then environment and system properties. */
    public static final class LaunchSettings {
        private LaunchSettings() {
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
            if (file == null && System.getenv("STATION_CONFIG") != null) {
                file = Path.of(System.getenv("STATION_CONFIG"));
            }
            return Settings.load(file, System.getenv(), System.getProperties());
        }
    }
}
