package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.sim.asena.Crc16Ccitt;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.device.DeviceAlarms;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.health.IngestMetrics;
import org.openinfusion.station.health.TechnicalAlarm;
import org.openinfusion.station.testing.CapturedLog;
import org.openinfusion.testing.Eventually;

/**
 * The data path against a real mosquitto and a real influxd, driven by a plain MQTT client: no value is
 * overwritten, every topic under the prefix is seen, and a device that goes quiet is alarmed.
 */
class DataPathIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static MqttClient device(String id) throws Exception {
        MqttClient c = new MqttClient(SERVERS.mosquitto().url(), id, new MemoryPersistence());
        c.connect();
        return c;
    }

    private static void publish(MqttClient c, String topic, String payload) throws Exception {
        c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private static String hr(double seconds, double value, long seq) {
        return "[{\"bt\":" + seconds + ",\"n\":\"hr\",\"u\":\"/min\",\"v\":" + value + ",\"seq\":" + seq + "}]";
    }

    @Test
    void samplesSharingADeviceTimeAreAllStoredReplaysStoreNothingNewAndOldTimesReplaceNothing() throws Exception {
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("identity"), "station-identity");
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        double s = t.toEpochMilli() / 1000.0;
        String topic = "station/v1/beds/ident-01/devices/monitor/numerics";
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            MqttClient monitor = device("ident-monitor");
            // two SenML records with one time and different values (and sequence numbers)
            String pack = "[{\"bt\":" + s + ",\"n\":\"hr\",\"u\":\"/min\",\"v\":72,\"seq\":5},{\"n\":\"hr\",\"v\":80,\"seq\":6}]";
            publish(monitor, topic, pack);
            Eventually.waitUntil(Duration.ofSeconds(30), "both stored", () -> influx.count("numeric", "ident-01", "hr") == 2);

            // the same pack again (a replay), then a marker: once the marker is stored, the replay was handled too
            publish(monitor, topic, pack);
            publish(monitor, topic, hr(s + 1, 70, 7));
            Eventually.waitUntil(Duration.ofSeconds(30), "marker stored", () -> influx.count("numeric", "ident-01", "hr") == 3);
            assertEquals(3, influx.distinctSeq("numeric", "ident-01", "hr"), "the replay stored nothing new");

            // a sample with the old time stamp and sequence number 5 but another value, and one with a new sequence number
            publish(monitor, topic, hr(s, 99, 5));
            publish(monitor, topic, hr(s, 55, 8));
            Eventually.waitUntil(Duration.ofSeconds(30), "both old-time samples stored",
                    () -> influx.count("numeric", "ident-01", "hr") == 5);
            assertEquals(List.of(List.of(72.0, 5.0), List.of(80.0, 6.0), List.of(55.0, 8.0)), values(influx,
                    "SELECT v, seq FROM numeric WHERE bed = 'ident-01' AND stream = 'hr' AND rev = '' AND time < " + (t.toEpochMilli() + 1) + "ms"),
                    "the stored samples at that time are untouched");
            assertEquals(List.of(List.of(99.0, 5.0, "1")), values(influx,
                    "SELECT v, seq, rev FROM numeric WHERE bed = 'ident-01' AND stream = 'hr' AND rev = '1'"),
                    "the conflicting value is kept beside them");
            Eventually.waitUntil(Duration.ofSeconds(10), "collisions counted in health",
                    () -> Long.valueOf(3).equals(station.health().timeCollisions().get("ident-01/monitor/hr")));
            monitor.disconnect();
            monitor.close();
        }
    }

    @Test
    void severalPumpAnswersArrivingInOneReadAreAllStored() throws Exception {
        // a serial device server that answers the station's first INF with three answers in one write
        // (a late answer, its retry's answer, the next one), and stays quiet afterwards
        String[] rates = {"10.00", "11.00", "12.00"};
        StringBuilder burst = new StringBuilder();
        for (String rate : rates) {
            String body = "INF^8002-51733^-^INFUSING^" + rate + "^ml/h^^1.000^ml^20^mmHg^00:10:00^EVENT^1";
            burst.append('!').append(body).append('|').append(Crc16Ccitt.hex(body)).append('\r');
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread deviceServer = Thread.ofPlatform().daemon().start(() -> {
                try (Socket link = server.accept()) {
                    var in = link.getInputStream();
                    StringBuilder request = new StringBuilder();
                    int b;
                    while ((b = in.read()) >= 0 && b != '\r') {
                        request.append((char) b);
                    }
                    if (request.toString().startsWith("!INF|")) {
                        link.getOutputStream().write(burst.toString().getBytes(StandardCharsets.US_ASCII));
                        link.getOutputStream().flush();
                    }
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the station closed the link at the end of the test
                }
            });
            var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("burst"), "station-burst");
            settings.putAll(Map.of("devices", "pump9", "device.pump9.protocol", "asena",
                    "device.pump9.tcp", "127.0.0.1:" + server.getLocalPort(), "device.pump9.bed", "burst-01"));
            try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx());
                 InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
                Eventually.waitUntil(Duration.ofSeconds(30), "three answers stored",
                        () -> influx.count("numeric", "burst-01", "pump_rate") == 3 && influx.count("state", "burst-01", "pump_state") == 3
                                && influx.count("state", "burst-01", "pump_alarm") == 3
                                && influx.count("numeric", "burst-01", "pump_time_remaining") == 3);
                assertEquals(List.of(List.of(10.0), List.of(11.0), List.of(12.0)),
                        values(influx, "SELECT v FROM numeric WHERE bed = 'burst-01' AND stream = 'pump_rate'"), "in arrival order");
                assertEquals(List.of(List.of(600.0)), values(influx,
                        "SELECT distinct(v) FROM numeric WHERE bed = 'burst-01' AND stream = 'pump_time_remaining'"));
                assertEquals(0, influx.count("numeric", "burst-01", "pump_vtbi"));
                assertEquals(List.of(), station.health().timeCollisions().keySet().stream().filter(k -> k.startsWith("burst-01")).toList());
            }
            deviceServer.join(5000);
        }
    }

    private static List<List<Object>> values(InfluxQueries influx, String query) {
        return influx.rows(query).stream().map(r -> r.subList(1, r.size())).toList();
    }

    @Test
    void topicsUnderThePrefixOutsideTheDeviceTreeAreCountedAndLogged() throws Exception {
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("topics"), "station-topics");
        try (CapturedLog log = new CapturedLog(IngestMetrics.class);
             StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), Vertx.vertx())) {
            StationFixture.awaitSubscribed(station);
            MqttClient stranger = device("topics-stranger");
            publish(stranger, "station/v1/beds/bed-01/numerics", "[]");
            publish(stranger, "station/v1/hello", "hi");
            publish(stranger, "elsewhere/v1/hello", "not ours");
            Eventually.waitUntil(Duration.ofSeconds(20), "two unknown topics counted",
                    () -> station.health().rejects().get(RejectReason.UNKNOWN_TOPIC.name()) == 2);
            // the first is logged at once; the second falls in the same interval and is counted for the next line
            assertEquals(List.of("rejected UNKNOWN_TOPIC on station/v1/beds/bed-01/numerics: not beds/{bed}/devices/{device}/..."),
                    log.containing("UNKNOWN_TOPIC"));
            stranger.disconnect();
            stranger.close();
        }
    }

    @Test
    void aDeviceThatFallsSilentOrNeverStartsRaisesDeviceSilentAndItsDataClearsIt() throws Exception {
        var settings = StationFixture.settings(SERVERS, SERVERS.newFolder("silence"), "station-silence");
        settings.put("mqtt.silentAfter", "2s");
        String base = "station/v1/beds/quiet-01/devices/";
        // a stale "offline" retained by the broker from before the station started
        MqttClient old = device("quiet-old");
        old.publish(base + "oldpump/status", "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        old.disconnect();
        old.close();
        Vertx vertx = Vertx.vertx();
        List<TechnicalAlarm> alarms = new CopyOnWriteArrayList<>();
        List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
        vertx.eventBus().<TechnicalAlarm>localConsumer(Addresses.TECHNICAL_ALARM, m -> alarms.add(m.body()));
        vertx.eventBus().<DeviceStatus>localConsumer(Addresses.DEVICE_STATUS, m -> statuses.add(m.body()));
        try (StationApp station = StationApp.start(StationFixture.config(settings), Clock.systemUTC(), vertx)) {
            StationFixture.awaitSubscribed(station);
            Eventually.waitUntil(Duration.ofSeconds(10), "retained status delivered", () -> !statuses.isEmpty());
            DeviceStatus stale = statuses.getFirst();
            assertEquals("oldpump", stale.source().deviceId());
            assertTrue(stale.retained(), "handed over as a stored fact");
            assertFalse(stale.online());

            MqttConnectOptions will = new MqttConnectOptions();
            will.setWill(base + "monitor/status", "offline".getBytes(StandardCharsets.UTF_8), 1, true);
            MqttClient monitor = new MqttClient(SERVERS.mosquitto().url(), "quiet-monitor", new MemoryPersistence());
            monitor.connect(will);
            monitor.publish(base + "monitor/status", "online".getBytes(StandardCharsets.UTF_8), 1, true);
            // said online, never sends
            Eventually.waitUntil(Duration.ofSeconds(20), "DEVICE_SILENT raised", () -> count(alarms, "monitor", true) == 1);
            // data returns
            publish(monitor, base + "monitor/numerics", hr(Instant.now().toEpochMilli() / 1000.0, 64, 0));
            Eventually.waitUntil(Duration.ofSeconds(20), "DEVICE_SILENT cleared", () -> count(alarms, "monitor", false) == 1);
            // and falls silent again after sending
            Eventually.waitUntil(Duration.ofSeconds(20), "DEVICE_SILENT raised again", () -> count(alarms, "monitor", true) == 2);
            Eventually.waitUntil(Duration.ofSeconds(10), "shown in /health", () -> station.health().devices().stream()
                    .anyMatch(d -> d.name().equals("quiet-01/monitor") && d.silent() && d.valuesDecoded() == 1));
            assertTrue(alarms.stream().noneMatch(a -> a.source().map(r -> r.deviceId().equals("oldpump")).orElse(false)),
                    "a device known only as offline is not silent: " + alarms);
            monitor.disconnect();
            monitor.close();
        }
        // clear the retained messages for other runs against this broker
        MqttClient cleaner = device("quiet-cleaner");
        cleaner.publish(base + "oldpump/status", new byte[0], 1, true);
        cleaner.publish(base + "monitor/status", new byte[0], 1, true);
        cleaner.disconnect();
        cleaner.close();
    }

    /** How many DEVICE_SILENT alarms of one device of bed quiet-01 were raised (or cleared) so far. */
    private static long count(List<TechnicalAlarm> alarms, String device, boolean raised) {
        return alarms.stream().filter(a -> a.code().equals(DeviceAlarms.DEVICE_SILENT) && a.active() == raised)
                .filter(a -> a.source().map(r -> r.bedId().equals("quiet-01") && r.deviceId().equals(device)).orElse(false))
                .count();
    }
}
