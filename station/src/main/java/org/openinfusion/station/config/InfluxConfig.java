package org.openinfusion.station.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Time-series storage. {@code url} is an InfluxDB HTTP URL, or {@code managed} to start a private
 * {@code influxd} (binary {@code influxdBinary}) on a free loopback port with its data in {@code managedDir}.
 */
public record InfluxConfig(String url, String influxdBinary, Path managedDir, String database, String retentionPolicy,
                           String retentionDuration, String username, String password, Duration timeout,
                           long batchBytes) {
    public static final String MANAGED = "managed";

    public boolean managed() {
        return MANAGED.equals(url);
    }

    public InfluxConfig withUrl(String newUrl) {
        return new InfluxConfig(newUrl, influxdBinary, managedDir, database, retentionPolicy, retentionDuration,
                username, password, timeout, batchBytes);
    }

    static InfluxConfig from(Settings s, Path dataDir) {
        String url = s.string("influx.url");
        if (!url.equals(MANAGED) && !url.matches("https?://[^/\\s]+(:\\d+)?/?")) {
            throw s.error("influx.url", "must be 'managed' or http(s)://host:port");
        }
        String duration = s.string("influx.retentionDuration");
        if (!duration.matches("INF|\\d+[hdw]")) {
            throw s.error("influx.retentionDuration", "must be INF or a number of hours, days or weeks (e.g. 52w)");
        }
        return new InfluxConfig(url, s.string("influx.influxdBinary"), dataDir.resolve("influxdb"),
                identifier(s, "influx.database"), identifier(s, "influx.retentionPolicy"), duration,
                s.string("influx.username"), s.string("influx.password"), s.duration("influx.timeout"),
                s.bytes("influx.batchBytes"));
    }

    private static String identifier(Settings s, String key) {
        String v = s.string(key);
        if (!v.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw s.error(key, "must be a plain identifier");
        }
        return v;
    }
}
