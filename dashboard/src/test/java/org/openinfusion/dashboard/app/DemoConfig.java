package org.openinfusion.dashboard.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;

/** The demo's settings for a test: embedded broker, private influxd, free ports, data in {@code dataDir}. */
final class DemoConfig {
    private DemoConfig() {
    }

    static StationConfig of(Path dataDir, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of(
                "mqtt.url", "embedded",
                "influx.url", "managed",
                "station.dataDir", dataDir.toString(),
                "http.dashboardPort", "0",
                "http.statusPort", "0",
                "health.publishInterval", "1s",
                // with simulated beds the demo makes its own registry; a test without them runs open
                "mqtt.allowUnregisteredDevices", "true"));
        s.putAll(extra);
        return StationConfig.from(Settings.defaultsWith(s));
    }
}
