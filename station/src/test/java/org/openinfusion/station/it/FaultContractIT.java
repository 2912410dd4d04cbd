package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.testing.CapturedLog;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.PtyPair;

/**
 * Two fault drills docs/operations.md promises ("What happens when...") that no other test ran from outside: the
 * managed InfluxDB's binary missing (an ERROR says how to install it, the station runs on its buffer and loses
 * nothing it took in), and a serial port that is not there when the station starts (the device is reported
 * disconnected, the station runs, and the device is taken up once its port appears).
 */
class FaultContractIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    @Test
    void withoutTheManagedInfluxdTheStationSaysHowToInstallItAndKeepsEveryValueInItsBuffer() throws Exception {
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("no-influxd"), "station-no-influxd");
        settings.put("influx.url", "managed");
        settings.put("influx.influxdBinary", "/opt/nowhere/influxd");
        try (CapturedLog log = new CapturedLog(StationApp.class);
             StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx())) {
            StationFixture.awaitSubscribed(station);
            assertTrue(log.at("ERROR").stream().anyMatch(l -> l.contains("influxd not found") && l.contains("apt-get install influxdb")),
                    "the ERROR says how to install it: " + log.lines());
            MqttClient monitor = new MqttClient(SERVERS.mosquitto().url(), "no-influxd-monitor", new MemoryPersistence());
            monitor.connect();
            double t = Instant.now().minusSeconds(5).toEpochMilli() / 1000.0;
            monitor.publish("station/v1/beds/noinf-01/devices/monitor/numerics",
                    ("[{\"n\":\"hr\",\"t\":" + t + ",\"u\":\"/min\",\"v\":70,\"seq\":0}]").getBytes(StandardCharsets.UTF_8), 1, false);
            Eventually.waitUntil(Duration.ofSeconds(20), "the value taken in and held in the buffer",
                    () -> station.health().valuesTotal().getOrDefault("hr", 0L) == 1 && station.health().bufferPendingBytes() > 0);
            assertFalse(station.health().storeReachable(), "health says the store is away");
            monitor.disconnect();
            monitor.close();
        }
    }

    @Test
    void aSerialPortMissingAtStartIsReportedAndTakenUpWhenItAppears() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/usr/local/bin/socat")), "socat");
        Path cableDir = Files.createDirectories(SERVERS.newFolder("late-port").resolve("cable"));
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("late-port-data"), "station-late-port");
        settings.putAll(Map.of("devices", "mon1", "device.mon1.protocol", "s5", "device.mon1.port", cableDir.resolve("ttyA").toString(),
                "device.mon1.bed", "late-01", "device.mon1.driLevels", "10", "device.mon1.waves", "none"));
        Vertx vertx = Vertx.vertx();
        List<TechnicalAlarm> alarms = new CopyOnWriteArrayList<>();
        vertx.eventBus().<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), vertx);
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            Eventually.waitUntil(Duration.ofSeconds(15), () -> "DEVICE_DISCONNECTED for the missing port: " + alarms,
                    () -> alarms.stream().anyMatch(a -> a.code().equals("DEVICE_DISCONNECTED") && a.active()));
            assertFalse(station.health().devices().stream().filter(d -> d.protocol().equals("s5")).findFirst().orElseThrow().connected());

            try (PtyPair cable = PtyPair.open(cableDir, true);
                 OutputStream wire = new FileOutputStream(cable.ttyB().toFile());
                 InputStream requests = new FileInputStream(cable.ttyB().toFile())) {
                Thread.ofPlatform().daemon().start(() -> drain(requests));
                Eventually.waitUntil(Duration.ofSeconds(20), "the port taken up once it appears",
                        () -> station.health().devices().stream().anyMatch(d -> d.protocol().equals("s5") && d.connected()));
                wire.write(S5ContractIT.frame(S5ContractIT.record(Instant.now().minusSeconds(2).getEpochSecond(), Map.of(6, 71), 0)));
                wire.flush();
                Eventually.waitUntil(Duration.ofSeconds(20), "its data stored", () -> influx.count("numeric", "late-01", "hr") == 1);
                assertEquals(List.of(71.0), influx.rows("SELECT v FROM numeric WHERE bed = 'late-01' AND stream = 'hr'").stream()
                        .map(r -> ((Number) r.get(1)).doubleValue()).toList());
                Eventually.waitUntil(Duration.ofSeconds(10), "DEVICE_DISCONNECTED cleared",
                        () -> alarms.stream().anyMatch(a -> a.code().equals("DEVICE_DISCONNECTED") && !a.active()));
            }
        }
    }

    @Test
    void aFullBufferHoldsTheBrokerBackAndEverythingHeldIsStoredOnceTheStoreReturns() throws Exception {
        // docs/operations.md: "buffer full: back-pressure: the broker holds further messages; BUFFER_FILLING was raised at half
        // full", and nothing taken in is lost: 400 chunks offered while InfluxDB is away fill the 1 MiB buffer to its
        // bound, and every sample is stored once, exactly once, when InfluxDB returns
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("full-buffer"), "station-full-buffer");
        settings.putAll(Map.of("buffer.maxBytes", "1MiB", "buffer.segmentBytes", "256KiB"));
        Vertx vertx = Vertx.vertx();
        List<TechnicalAlarm> alarms = new CopyOnWriteArrayList<>();
        vertx.eventBus().<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
        int chunks = 400; // more than the 1 MiB buffer holds (200 took about 0.8 MiB)
        int samples = 1024;
        long firstMicros = Instant.now().minusSeconds(600).toEpochMilli() * 1000;
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), vertx);
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            MqttAsyncClient monitor = new MqttAsyncClient(SERVERS.mosquitto().url(), "full-buffer-monitor", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(chunks);
            monitor.connect(options).waitForCompletion(10_000);
            List<IMqttDeliveryToken> sent = new ArrayList<>();
            SERVERS.influxd().stop();
            try {
                for (int i = 0; i < chunks; i++) {
                    sent.add(monitor.publish("station/v1/beds/full-01/devices/monitor/waveforms/ecg_ii",
                            MqttContractIT.chunk(1, 1, samples, 500_000, firstMicros + i * 2048L * 1000, (long) i * samples, new float[samples]),
                            1, false));
                }
                Eventually.waitUntil(Duration.ofSeconds(60), () -> "the buffer filling: " + station.health().bufferPendingBytes(),
                        () -> station.health().bufferPendingBytes() > station.health().bufferCapacityBytes() * 3 / 4);
                Thread.sleep(3000); // pacing: what still fits is taken in meanwhile; what does not stays with the broker
                assertTrue(alarms.stream().anyMatch(a -> a.code().equals("BUFFER_FILLING") && a.active()), "BUFFER_FILLING: " + alarms);
                // the device's PUBACKs come from the broker; the station's own, to the broker, wait until a message is durable
                assertTrue(station.health().bufferPendingBytes() <= station.health().bufferCapacityBytes(), "the buffer's bound holds");
                assertTrue(station.health().brokerConnected(), "the station stays connected while it holds the broker back");
            } finally {
                SERVERS.influxd().start();
            }
            Eventually.waitUntil(Duration.ofSeconds(120), () -> "every message acknowledged: "
                    + sent.stream().filter(IMqttDeliveryToken::isComplete).count(), () -> sent.stream().allMatch(IMqttDeliveryToken::isComplete));
            Eventually.waitUntil(Duration.ofSeconds(120), () -> "everything stored: " + influx.count("waveform", "full-01", "ecg_ii"),
                    () -> influx.count("waveform", "full-01", "ecg_ii") == (long) chunks * samples);
            assertEquals((long) chunks * samples, influx.distinctSeq("waveform", "full-01", "ecg_ii"), "nothing stored twice");
            monitor.disconnect().waitForCompletion(10_000);
            monitor.close();
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the cable was pulled at the end of the test
        }
    }
}
