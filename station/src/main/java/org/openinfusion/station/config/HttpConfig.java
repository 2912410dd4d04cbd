package org.openinfusion.station.config;

/** Where the station listens: the status endpoint and the dashboard. Loopback by default. */
public record HttpConfig(String host, int statusPort, int dashboardPort) {
    static HttpConfig from(Settings s) {
        return new HttpConfig(s.string("http.host"), s.integer("http.statusPort", 0, 65535),
                s.integer("http.dashboardPort", 0, 65535));
    }
}
