package org.openinfusion.station.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openinfusion.sim.Pacing;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.sim.SimulatorConfig;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.testing.Eventually;

/** Settings and helpers shared by the integration tests. */
final class StationFixture {
    private StationFixture() {
    }

    /** Station settings for the given real servers, with data in {@code dataDir}. */
    static Map<String, String> settings(RealServers servers, Path dataDir, String clientId) {
        Map<String, String> s = new HashMap<>();
        s.put("mqtt.url", servers.mosquitto().url());
        s.put("mqtt.clientId", clientId);
        s.putAll(servers.influxSettings());
        s.put("station.dataDir", dataDir.toString());
        s.put("http.statusPort", "0");
        s.put("health.publishInterval", "1s");
        s.put("mqtt.allowUnregisteredDevices", "true"); // the test brokers are open; BrokerSecurityIT sets a registry
        return s;
    }

    static StationConfig config(Map<String, String> settings) {
        return StationConfig.from(Settings.defaultsWith(settings));
    }

    /**
     * Waits until the station is connected AND subscribed (it reports connected only after subscribing): a new
     * persistent session cannot have messages queued for it before its first subscription.
     */
    static void awaitSubscribed(StationApp station) throws InterruptedException {
        Eventually.waitUntil(Duration.ofSeconds(30), "station subscribed to the broker", () -> station.health().brokerConnected());
    }

    /** Simulated beds whose time only moves when the test says (deterministic sample counts). */
    static SimulatedBeds manualBeds(String brokerUrl, String bedPrefix, int beds, Instant start) {
        return SimulatedBeds.start(SimulatorConfig.defaults(brokerUrl)
                .withBeds(beds)
                .withBedPrefix(bedPrefix)
                .withSeed(11)
                .withStart(start)
                .withPacing(Pacing.MANUAL)
                .withProgressInterval(Duration.ZERO));
    }

    /** Every stream of every bed stored exactly as often as the simulator produced it. */
    static boolean allStored(InfluxQueries influx, SimulatedBeds sim) {
        for (String bed : sim.bedIds()) {
            for (var e : countsOf(sim, bed).entrySet()) {
                if (influx.count(measurement(e.getKey()), bed, e.getKey()) != e.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    static Map<String, Long> countsOf(SimulatedBeds sim, String bed) {
        Map<String, Long> out = new HashMap<>();
        for (String stream : sim.producedCounts().keySet()) {
            out.put(stream, sim.produced(bed, stream));
        }
        return out;
    }

    static String measurement(String stream) {
        return switch (stream) {
            case "ecg_i", "ecg_ii", "ecg_iii", "pleth", "co2" -> "waveform";
            case "pump_state", "pump_alarm" -> "state";
            default -> "numeric";
        };
    }

    static String describe(InfluxQueries influx, SimulatedBeds sim) {
        StringBuilder b = new StringBuilder();
        for (String bed : sim.bedIds()) {
            countsOf(sim, bed).forEach((stream, n) -> b.append(bed).append('/').append(stream).append(' ')
                    .append(influx.count(measurement(stream), bed, stream)).append('/').append(n).append("  "));
        }
        return b.toString();
    }
}
