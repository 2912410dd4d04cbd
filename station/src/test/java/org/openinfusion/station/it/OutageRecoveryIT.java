package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.testing.StationProcess;
import org.openinfusion.testing.Eventually;

/** Nothing is lost or duplicated when InfluxDB goes away, the station is killed meanwhile, or the broker restarts. */
class OutageRecoveryIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    @Test
    void influxdOutageWithStationKilledAndRestartedLosesNothing() throws Exception {
        Path data = SERVERS.newFolder("outage");
        var settings = StationFixture.settings(SERVERS, data, "station-outage");
        Path log = data.resolve("station.log");
        Instant start = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        StationProcess first = StationProcess.start(settings, log);
        StationProcess restarted = null;
        try (SimulatedBeds sim = StationFixture.manualBeds(SERVERS.mosquitto().url(), "outage", 1, start);
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            assertTrue(sim.awaitConnected(Duration.ofSeconds(20)));
            // given the first 20 s stored normally
            sim.advanceTo(start.plusSeconds(20));
            Eventually.waitUntil(Duration.ofSeconds(60), "phase 1 stored", () -> StationFixture.allStored(influx, sim));

            // when influxd goes away and 20 s more arrive, then the station is killed (SIGKILL)
            SERVERS.influxd().stop();
            sim.advanceTo(start.plusSeconds(40));
            assertTrue(sim.awaitDelivered(Duration.ofSeconds(60)), "broker acknowledged phase 2");
            Eventually.waitUntil(Duration.ofSeconds(30), "phase 2 durable in the station's buffer",
                    () -> first.health().map(h -> !h.getBoolean("storeReachable")
                            && h.getLong("bufferPendingBytes") > 0
                            && h.getJsonObject("valuesTotal").getLong("ecg_ii") == sim.produced("outage-01", "ecg_ii")).orElse(false));
            first.kill();

            // and 20 s more are published while the station is dead (the broker queues them)
            sim.advanceTo(start.plusSeconds(60));
            assertTrue(sim.awaitDelivered(Duration.ofSeconds(60)), "broker acknowledged phase 3");
            restarted = StationProcess.start(settings, log);
            StationProcess second = restarted;
            Eventually.waitUntil(Duration.ofSeconds(60), "queued messages taken in by the restarted station",
                    () -> second.health().map(h -> h.getJsonObject("valuesTotal").getLong("ecg_ii") > 0
                            && h.getLong("bufferPendingBytes") > 0).orElse(false));

            // then, when influxd is back, everything is there exactly once
            SERVERS.influxd().start();
            Eventually.waitUntil(Duration.ofSeconds(90), "all stored after the outage: " + StationFixture.describe(influx, sim),
                    () -> StationFixture.allStored(influx, sim));
            assertEquals(30_000, sim.produced("outage-01", "ecg_ii"));
            for (String stream : new String[] {"ecg_i", "ecg_ii", "ecg_iii", "pleth", "co2"}) {
                assertEquals(sim.produced("outage-01", stream), influx.distinctSeq("waveform", "outage-01", stream), stream);
            }
            Eventually.waitUntil(Duration.ofSeconds(30), "buffer drained",
                    () -> second.health().map(h -> h.getLong("bufferPendingBytes") == 0).orElse(false));
        } finally {
            first.stop();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    @Test
    void brokerRestartMidStreamLosesNothing() throws Exception {
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("broker"), "station-broker");
        Instant start = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             SimulatedBeds sim = StationFixture.manualBeds(SERVERS.mosquitto().url(), "broker", 2, start);
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            assertTrue(sim.awaitConnected(Duration.ofSeconds(20)));
            // given data flowing, one simulated second at a time
            for (int s = 1; s <= 10; s++) {
                sim.advanceTo(start.plusSeconds(s));
            }
            // when the broker stops mid-stream while devices keep publishing, and comes back
            SERVERS.mosquitto().stop();
            for (int s = 11; s <= 20; s++) {
                sim.advanceTo(start.plusSeconds(s));
            }
            SERVERS.mosquitto().start();
            for (int s = 21; s <= 25; s++) {
                sim.advanceTo(start.plusSeconds(s));
            }
            // and the broker flaps twice more (each loss of connection must not start another supervisor)
            for (int flap = 0; flap < 2; flap++) {
                SERVERS.mosquitto().stop();
                SERVERS.mosquitto().start();
            }
            for (int s = 26; s <= 30; s++) {
                sim.advanceTo(start.plusSeconds(s));
            }
            // (the simulator's own PUBACK bookkeeping can miss the ack of a message Paho resent after the restart,
            // so only wait on it; what counts is below: every produced sample stored exactly once)
            sim.awaitDelivered(Duration.ofSeconds(30));
            // then every sample is stored exactly once
            Eventually.waitUntil(Duration.ofSeconds(90), "all stored after the broker restart: " + StationFixture.describe(influx, sim),
                    () -> StationFixture.allStored(influx, sim));
            assertEquals(sim.produced("broker-02", "ecg_iii"), influx.distinctSeq("waveform", "broker-02", "ecg_iii"));
            assertTrue(station.health().brokerConnected());
            assertEquals(1, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("mqtt-supervisor")).count(),
                    "one connection supervisor, however often the connection was lost");
        }
    }
}
