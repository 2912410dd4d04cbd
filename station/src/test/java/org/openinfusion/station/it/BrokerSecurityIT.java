package org.openinfusion.station.it;

import java.util.Optional;
import javax.net.ssl.SSLException;
import org.openinfusion.testing.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.broker.BrokerRules;
import org.openinfusion.station.broker.MosquittoFiles;
import org.openinfusion.station.broker.MqttPasswords;
import org.openinfusion.station.config.DeviceRegistry;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.process.Binaries;
import org.openinfusion.station.process.LocalMosquitto;
import org.openinfusion.station.tls.GeneratedTls;
import org.openinfusion.station.tls.PemTrust;

/**
 * An attacker against a real mosquitto configured from the station's device registry (docs/mqtt.md, "External
 * mosquitto"): TLS only, every client authenticated, each device limited to its own topics; a real Paho client tries.
 */
class BrokerSecurityIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    private static final String PREFIX = "station/v1/beds/";
    private static final String STATION_PASSWORD = MqttPasswords.randomPassword();
    private static final String PASSWORD_1 = MqttPasswords.randomPassword();
    private static final String PASSWORD_2 = MqttPasswords.randomPassword();
    private static final String SIM_MONITOR_PASSWORD = MqttPasswords.randomPassword();
    private static final String SIM_PUMP_PASSWORD = MqttPasswords.randomPassword();
    private static LocalMosquitto broker;
    private static final int MAX_PACKET = BrokerRules.maxPacketBytes(65_536);
    private static GeneratedTls tls;
    private static Path registryFile;

    @BeforeAll
    static void securedBroker() throws Exception {
        Path dir = SERVERS.newFolder("secured");
        tls = GeneratedTls.create(dir.resolve("tls"), "test broker");
        DeviceRegistry registry = DeviceRegistry.of(List.of(
                new DeviceRegistry.Device("sec-01.monitor", new DeviceRef("sec-01", "monitor"), MqttPasswords.hash(PASSWORD_1.toCharArray())),
                new DeviceRegistry.Device("sec-02.monitor", new DeviceRef("sec-02", "monitor"), MqttPasswords.hash(PASSWORD_2.toCharArray())),
                new DeviceRegistry.Device("sim-01.monitor", new DeviceRef("sim-01", "monitor"), MqttPasswords.hash(SIM_MONITOR_PASSWORD.toCharArray())),
                new DeviceRegistry.Device("sim-pump-7", new DeviceRef("sim-01", "pump"), MqttPasswords.hash(SIM_PUMP_PASSWORD.toCharArray()))));
        registryFile = dir.resolve("devices.registry");
        Files.write(registryFile, registry.lines(), StandardCharsets.UTF_8);
        BrokerRules rules = new BrokerRules(Optional.of(registry), "station/v1", "station",
                MqttPasswords.hash(STATION_PASSWORD.toCharArray()), "secured-station");
        Path mosquitto = Binaries.find("mosquitto", System.getenv("PATH")).orElseThrow();
        broker = LocalMosquitto.start(mosquitto, dir.resolve("mosquitto"),
                MosquittoFiles.securedListener(rules, dir.resolve("mosquitto"), tls, MAX_PACKET), true);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    private static MqttConnectOptions options(SSLSocketFactory sockets, String user, String password) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        if (sockets != null) {
            o.setSocketFactory(sockets);
        }
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        return o;
    }

    private static MqttException refused(String url, MqttConnectOptions o) throws Exception {
        MqttClient c = new MqttClient(url, "attacker-" + System.nanoTime(), new MemoryPersistence());
        try {
            return assertThrows(MqttException.class, () -> c.connect(o));
        } finally {
            c.close(true);
        }
    }

    @Test
    void aClientWithoutCredentialsIsRefusedAtConnect() throws Exception {
        MqttException e = refused(broker.url(), options(PemTrust.socketFactory(tls.caPem()), null, null));
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, e.getReasonCode(), e.toString());
    }

    @Test
    void aRegisteredAccountWithAWrongPasswordIsRefusedAtConnect() throws Exception {
        MqttException e = refused(broker.url(), options(PemTrust.socketFactory(tls.caPem()), "sec-01.monitor", PASSWORD_2));
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, e.getReasonCode(), e.toString());
    }

    @Test
    void plainTcpIsRefusedWhereTheBrokerRequiresTls() throws Exception {
        MqttException e = refused("tcp://127.0.0.1:" + broker.port(), options(null, "sec-01.monitor", PASSWORD_1));
        assertEquals(MqttException.REASON_CODE_CONNECTION_LOST, e.getReasonCode(), e.toString());
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersAuthorityRefusesToTalkToIt() throws Exception {
        Path other = SERVERS.newFolder("other-ca");
        GeneratedTls impostor = GeneratedTls.create(other, "someone else");
        MqttException e = refused(broker.url(), options(PemTrust.socketFactory(impostor.caPem()), "sec-01.monitor", PASSWORD_1));
        assertTrue(e.getCause() instanceof SSLException, "TLS handshake fails: " + e);
    }

    @Test
    void aRegisteredDeviceCannotPublishIntoAnotherDevicesTopicsAndItsMessageIsNeverStored() throws Exception {
        Map<String, String> s = StationFixture.settings(SERVERS, SERVERS.newFolder("acl"), "secured-station");
        s.put("mqtt.url", broker.url());
        s.put("mqtt.username", "station");
        s.put("mqtt.password", STATION_PASSWORD);
        s.put("mqtt.caFile", tls.caPem().toString());
        s.put("mqtt.deviceRegistry", registryFile.toString());
        Instant t = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        SSLSocketFactory sockets = PemTrust.socketFactory(tls.caPem());
        try (StationApp station = StationApp.start(StationFixture.config(s), Clock.systemUTC(), Vertx.vertx());
             InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
            StationFixture.awaitSubscribed(station);
            MqttClient attacker = new MqttClient(broker.url(), "sec-01-monitor", new MemoryPersistence());
            MqttClient owner = new MqttClient(broker.url(), "sec-02-monitor", new MemoryPersistence());
            attacker.connect(options(sockets, "sec-01.monitor", PASSWORD_1));
            owner.connect(options(sockets, "sec-02.monitor", PASSWORD_2));
            // device 1 publishes a heart rate of 177 as if it were bed sec-02's monitor
            attacker.publish(PREFIX + "sec-02/devices/monitor/numerics", hr(t, 177, 1), 1, false);
            // then bed sec-02's own monitor publishes 66
            owner.publish(PREFIX + "sec-02/devices/monitor/numerics", hr(t.plusSeconds(1), 66, 2), 1, false);
            Eventually.waitUntil(Duration.ofSeconds(30), "the owner's value stored",
                    () -> influx.count("numeric", "sec-02", "hr") >= 1);
            List<List<Object>> sec02 = influx.rows("SELECT v FROM numeric WHERE bed = 'sec-02' AND stream = 'hr'");
            assertEquals(1, sec02.size(), "only the owner's value: " + sec02);
            assertEquals(66.0, ((Number) sec02.getFirst().get(1)).doubleValue());
            // mosquitto 2.0.11 drops the refused message and closes the offender's connection
            owner.disconnect();
            owner.close();
            attacker.close(true);
            assertTrue(station.health().brokerConnected());
        }
    }

    @Test
    void anotherAccountUsingTheStationsClientIdDoesNotTakeOverItsSession() throws Exception {
        Map<String, String> s = StationFixture.settings(SERVERS, SERVERS.newFolder("takeover"), "secured-station");
        s.put("mqtt.url", broker.url());
        s.put("mqtt.username", "station");
        s.put("mqtt.password", STATION_PASSWORD);
        s.put("mqtt.caFile", tls.caPem().toString());
        s.put("mqtt.deviceRegistry", registryFile.toString());
        try (StationApp station = StationApp.start(StationFixture.config(s), Clock.systemUTC(), Vertx.vertx())) {
            StationFixture.awaitSubscribed(station);
            long drops = station.health().brokerDisconnects();
            MqttClient thief = new MqttClient(broker.url(), "secured-station", new MemoryPersistence());
            thief.connect(options(PemTrust.socketFactory(tls.caPem()), "sec-01.monitor", PASSWORD_1));
            // the broker binds every session to its account (use_username_as_clientid), so the thief got its own session
            thief.publish(PREFIX + "sec-01/devices/monitor/numerics", ("[{\"bt\":" + Instant.now().minusSeconds(5).getEpochSecond()
                    + ",\"n\":\"spo2\",\"u\":\"%\",\"v\":97,\"seq\":1}]").getBytes(StandardCharsets.UTF_8), 1, false);
            try (InfluxQueries influx = new InfluxQueries(SERVERS.influxd(), "station")) {
                Eventually.waitUntil(Duration.ofSeconds(30), "the device's value stored by the station",
                        () -> influx.count("numeric", "sec-01", "spo2") >= 1);
            }
            thief.disconnect();
            thief.close();
            assertTrue(station.health().brokerConnected());
            assertEquals(drops, station.health().brokerDisconnects());
            assertFalse(thief.isConnected());
        }
    }

    @Test
    void theStandaloneSimulatorPublishesOverTlsWithEachDevicesOwnAccount() throws Exception {
        // given the devices' accounts in the simulator's accounts file (the pump's account named otherwise)
        Path dir = SERVERS.newFolder("simulator");
        Path accounts = Files.writeString(dir.resolve("accounts.properties"), "sim-01.monitor=" + SIM_MONITOR_PASSWORD
                + "\nsim-01.pump=" + SIM_PUMP_PASSWORD + "\nsim-01.pump.user=sim-pump-7\n");
        List<String> topics = new CopyOnWriteArrayList<>();
        MqttClient station = new MqttClient(broker.url(), "secured-station", new MemoryPersistence());
        station.connect(options(PemTrust.socketFactory(tls.caPem()), "station", STATION_PASSWORD));
        try {
            station.subscribe(PREFIX + "sim-01/#", 1, (topic, m) -> topics.add(topic));
            // when the standalone simulator runs against the TLS-only, authenticated broker, trusting its authority
            Path log = dir.resolve("simulator.log");
            Process sim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
                    "org.openinfusion.sim.SimulatorMain", "--broker", broker.url(), "--ca-file", tls.caPem().toString(),
                    "--accounts", accounts.toString(), "--bed-prefix", "sim", "--duration", "5s", "--fast")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(sim.waitFor(3, TimeUnit.MINUTES), "simulator still running: " + Files.readString(log));
            // then it finishes with everything acknowledged, and both devices' messages reached the station's account
            assertEquals(0, sim.exitValue(), Files.readString(log));
            Eventually.waitUntil(Duration.ofSeconds(30), "both devices' messages received",
                    () -> topics.stream().anyMatch(t -> t.contains("/devices/monitor/")) && topics.stream().anyMatch(t -> t.contains("/devices/pump/")));
        } finally {
            station.disconnect();
            station.close();
        }
    }

    private static BrokerAttacker attacker() throws Exception {
        return new BrokerAttacker(broker.url(), PemTrust.socketFactory(tls.caPem()), new String[] {"station", STATION_PASSWORD},
                new String[] {"sec-01.monitor", PASSWORD_1}, "sec-01", "monitor", new String[] {"sec-02.monitor", PASSWORD_2}, "sec-02");
    }

    @Test
    void aPublishLargerThanTheMaximumPacketSizeDisconnectsTheDeviceAndIsNeverForwarded() throws Exception {
        attacker().oversizedPublishIsRefused(MAX_PACKET);
    }

    @Test
    void aDeviceWhoseWillNamesAnotherBedsStatusNeverHasItPublished() throws Exception {
        attacker().willOutsideItsOwnTopicsIsNeverPublished(false);
    }

    @Test
    void aDeviceSubscribingToEverythingOrToAnotherBedReadsNothing() throws Exception {
        attacker().subscriptionsToEverythingOrAnotherBedGetNothing(false);
    }

    private static byte[] hr(Instant t, int value, int seq) {
        return ("[{\"bt\":" + t.getEpochSecond() + ",\"n\":\"hr\",\"u\":\"/min\",\"v\":" + value + ",\"seq\":" + seq + "}]")
                .getBytes(StandardCharsets.UTF_8);
    }
}
