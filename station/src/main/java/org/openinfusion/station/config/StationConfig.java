package org.openinfusion.station.config;

import java.nio.file.Path;

/** Everything the station reads from configuration, typed and checked once at start-up. */
public record StationConfig(String stationId, Path dataDir, MqttConfig mqtt, InfluxConfig influx, BufferConfig buffer,
                            HttpConfig http, HealthConfig health, DevicesConfig devices, SecurityConfig security,
                            ClinicalConfig clinical, SiteConfig site) {
    public static StationConfig from(Settings s) {
        String id = s.string("station.id");
        if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw s.error("station.id", "must match [A-Za-z0-9_-]{1,32}");
        }
        Path dataDir = Path.of(s.string("station.dataDir")).toAbsolutePath();
        return new StationConfig(id, dataDir, MqttConfig.from(s), InfluxConfig.from(s, dataDir),
                BufferConfig.from(s, dataDir), HttpConfig.from(s), HealthConfig.from(s), DevicesConfig.from(s),
                SecurityConfig.from(s), ClinicalConfig.from(s), SiteConfig.from(s));
    }

    public StationConfig withMqtt(MqttConfig m) {
        return new StationConfig(stationId, dataDir, m, influx, buffer, http, health, devices, security, clinical, site);
    }

    public StationConfig withInflux(InfluxConfig i) {
        return new StationConfig(stationId, dataDir, mqtt, i, buffer, http, health, devices, security, clinical, site);
    }
}
