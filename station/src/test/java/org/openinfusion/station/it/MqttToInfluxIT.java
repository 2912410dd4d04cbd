package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.sim.SimulatedBeds;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.testing.Eventually;

/** Samples published through a real mosquitto arrive in a real influxd exactly once, with their values and times. */
class MqttToInfluxIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    @Test
    void everySamplePublishedIsStoredExactlyOnce() throws Exception {
        // given a running station and two simulated beds
        Instant start = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("exact"), "station-exact");
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             SimulatedBeds sim = StationFixture.manualBeds(SERVERS.mosquitto().url(), "exact", 2, start);
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            assertTrue(sim.awaitConnected(Duration.ofSeconds(20)));
            // when 90 s of both beds are published
            sim.advanceTo(start.plusSeconds(90));
            assertTrue(sim.awaitDelivered(Duration.ofSeconds(60)));
            // then every stream holds exactly what was produced, each sequence number once
            Eventually.waitUntil(Duration.ofSeconds(60), "all samples stored",
                    () -> StationFixture.allStored(influx, sim));
            long ecg = sim.produced("exact-01", "ecg_ii");
            assertEquals(45_000, ecg, "90 s of ECG at 500 Hz");
            assertEquals(ecg, influx.distinctSeq("waveform", "exact-01", "ecg_ii"));
            assertEquals(sim.produced("exact-02", "pleth"), influx.distinctSeq("waveform", "exact-02", "pleth"));
            assertEquals(0, station.health().sequenceMissing());
            assertEquals(0, station.health().rejects().values().stream().mapToLong(Long::longValue).sum());
            // and waveform sample i of the run sits at start + i / rate
            List<List<Object>> rows = influx.rows("SELECT v, seq FROM waveform WHERE bed = 'exact-01' AND stream = 'co2' AND seq = 625");
            assertEquals(1, rows.size());
            assertEquals(start.plusSeconds(10), deviceTime(rows.getFirst().get(0)));
        }
    }

    /**
     * The device time of a stored point: InfluxDB writes RFC 3339 times without trailing zeros, and the
     * nanosecond digits hold the sequence number (docs/storage.md, "Identity"), not the device time.
     */
    private static Instant deviceTime(Object influxTime) {
        return Instant.parse((String) influxTime).truncatedTo(ChronoUnit.MICROS);
    }

    /** Rows with their times as device times. */
    private static List<List<Object>> withInstants(List<List<Object>> rows) {
        return rows.stream().map(r -> {
            List<Object> copy = new ArrayList<>(r);
            copy.set(0, deviceTime(r.getFirst()));
            return (List<Object>) copy;
        }).toList();
    }

    @Test
    void knownValuesAreStoredAtTheirDeviceTimesAndBadOnesAreCounted() throws Exception {
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("known"), "station-known");
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        String base = "station/v1/beds/known-01/devices/monitor/";
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            MqttClient device = new MqttClient(SERVERS.mosquitto().url(), "known-device", new MemoryPersistence());
            device.connect();
            double seconds = t.toEpochMilli() / 1000.0;
            device.publish(base + "numerics", ("[{\"bt\":" + seconds + ",\"n\":\"hr\",\"u\":\"/min\",\"v\":72,\"seq\":5},"
                    + "{\"n\":\"nibp_sys\",\"t\":-120,\"v\":131,\"seq\":2},{\"n\":\"spo2\",\"v\":140,\"seq\":5}]")
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            ByteBuffer chunk = ByteBuffer.allocate(24 + 12).put((byte) 1).put((byte) 1).putShort((short) 3).putInt(250_000)
                    .putLong(t.toEpochMilli() * 1000).putLong(40).putFloat(0.5f).putFloat(-1.25f).putFloat(2f);
            device.publish(base + "waveforms/ecg_i", chunk.array(), 1, false);
            device.publish(base + "waveforms/ecg_i", new byte[] {1, 1, 0, 9}, 1, false);
            device.publish("station/v1/beds/known-01/devices/monitor/vitals", "x".getBytes(StandardCharsets.UTF_8), 1, false);
            device.disconnect();
            device.close();

            Eventually.waitUntil(Duration.ofSeconds(30), "known values stored",
                    () -> influx.count("waveform", "known-01", "ecg_i") == 3 && influx.count("numeric", "known-01") == 2);
            assertEquals(List.of(List.of(t, 72.0, 5.0)),
                    withInstants(influx.rows("SELECT v, seq FROM numeric WHERE bed = 'known-01' AND stream = 'hr'")));
            assertEquals(List.of(List.of(t.minusSeconds(120), 131.0)),
                    withInstants(influx.rows("SELECT v FROM numeric WHERE bed = 'known-01' AND stream = 'nibp_sys'")));
            assertEquals(List.of(List.of(t.plusMillis(4), -1.25, 41.0)),
                    withInstants(influx.rows("SELECT v, seq FROM waveform WHERE bed = 'known-01' AND stream = 'ecg_i' AND seq = 41")));
            Eventually.waitUntil(Duration.ofSeconds(10), "rejections counted",
                    () -> station.health().rejects().get(RejectReason.OUT_OF_RANGE.name()) == 1
                            && station.health().rejects().get(RejectReason.MALFORMED_PAYLOAD.name()) == 1
                            && station.health().rejects().get(RejectReason.UNKNOWN_TOPIC.name()) == 1);
        }
    }
}
