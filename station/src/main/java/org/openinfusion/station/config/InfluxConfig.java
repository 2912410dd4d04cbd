package org.openinfusion.station.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Time-series storage. {@code url} is an InfluxDB HTTP URL, or {@code managed} to start a private
 * {@code influxd} (binary {@code influxdBinary}) on a free loopback port with its data in {@code managedDir}.
 * {@code username}/{@code password} write and create the database; {@code readUsername}/{@code readPassword}, when
 * given, are what review and exports read with (a user that may only read the database); empty: the writing ones.
 */
public record InfluxConfig(String url, String influxdBinary, Path managedDir, String database, String retentionPolicy,
                           String retentionDuration, String username, String password, String readUsername,
                           String readPassword, Duration timeout, long batchBytes) {
    public static final String MANAGED = "managed";

    public boolean managed() {
        return MANAGED.equals(url);
    }

    public InfluxConfig withUrl(String newUrl) {
        return new InfluxConfig(newUrl, influxdBinary, managedDir, database, retentionPolicy, retentionDuration,
                username, password, readUsername, readPassword, timeout, batchBytes);
    }

    /** The same store with these credentials for writing and these for reading. */
    public InfluxConfig withCredentials(String user, String pass, String readUser, String readPass) {
        return new InfluxConfig(url, influxdBinary, managedDir, database, retentionPolicy, retentionDuration,
                user, pass, readUser, readPass, timeout, batchBytes);
    }

    /** This configuration as review and exports use it: the reading credentials in place of the writing ones. */
    public InfluxConfig forReading() {
        return readUsername.isEmpty() ? this : withCredentials(readUsername, readPassword, readUsername, readPassword);
    }

    /** Credentials never appear in logs or error messages. */
    @Override
    public String toString() {
        return "InfluxConfig[url=" + url + ", database=" + database + ", retentionPolicy=" + retentionPolicy
                + ", username=" + username + ", readUsername=" + readUsername + "]";
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
                s.string("influx.username"), s.string("influx.password"), s.string("influx.readUsername"),
                s.string("influx.readPassword"), s.duration("influx.timeout"),
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
