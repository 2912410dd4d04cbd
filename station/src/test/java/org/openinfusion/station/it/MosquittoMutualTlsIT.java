package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.mqtt.BrokerConnection;
import org.openinfusion.station.broker.BrokerRules;
import org.openinfusion.station.broker.MosquittoFiles;
import org.openinfusion.station.config.DeviceRegistry;
import org.openinfusion.station.broker.MqttPasswords;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.tls.PemTrust;
import org.openinfusion.station.process.Binaries;
import org.openinfusion.station.process.LocalMosquitto;
import org.openinfusion.station.tls.GeneratedTls;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.TempFolders;

/**
 * Mutual TLS on an external mosquitto (docs/mqtt.md, "External mosquitto"), as an attacker would try it against a real
 * mosquitto 2: the station reads on a password listener; devices whose registry line says {@code certificate} sign in on
 * a second listener ({@link MosquittoFiles#certificateListener}) with the client certificate that names their account.
 * Every certificate and key is generated for the run (Bouncy Castle, {@link GeneratedTls}); none is committed.
 */
class MosquittoMutualTlsIT {
    private static final String STATION_PASSWORD = "station-secret-for-mtls";
    private static final String PREFIX = "station/v1/beds/";
    private static final String OWN_TOPIC = PREFIX + "mtls-01/devices/monitor/numerics";
    private static final int MAX_PACKET = 64 * 1024 + 1024;

    private static Path root;
    private static GeneratedTls tls;
    private static LocalMosquitto broker;

    @BeforeAll
    static void brokerWithACertificateListener() throws Exception {
        root = Files.createTempDirectory("mtls-it-");
        // one authority signs the broker's certificate and the devices' client certificates; a third name it also
        // certifies is not in the registry
        tls = GeneratedTls.create(root.resolve("tls"), "mtls broker", List.of("mtls-01.monitor", "mtls-02.monitor", "stranger"));
        DeviceRegistry registry = DeviceRegistry.of(List.of(
                new DeviceRegistry.Device("mtls-01.monitor", new DeviceRef("mtls-01", "monitor"), DeviceRegistry.CERTIFICATE_ONLY),
                new DeviceRegistry.Device("mtls-02.monitor", new DeviceRef("mtls-02", "monitor"), DeviceRegistry.CERTIFICATE_ONLY)));
        BrokerRules rules = new BrokerRules(Optional.of(registry), "station/v1", "station",
                MqttPasswords.hash(STATION_PASSWORD.toCharArray()), "mtls-station");
        Path files = root.resolve("mosquitto");
        Path mosquitto = Binaries.find("mosquitto", System.getenv("PATH")).orElseThrow();
        broker = LocalMosquitto.start(mosquitto, files, MosquittoFiles.securedListener(rules, files, tls, MAX_PACKET), true,
                List.of(MosquittoFiles.certificateListener(files, tls.caPem(), tls, MAX_PACKET)));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
        TempFolders.deleteTree(root);
    }

    private static String certificateUrl() {
        return "ssl://127.0.0.1:" + broker.port(0);
    }

    /** TLS trusting the broker, presenting {@code issuer}'s client certificate for {@code identity} (none when null). */
    private static MqttConnectOptions device(GeneratedTls issuer, String identity) throws Exception {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setConnectionTimeout(10);
        o.setCleanSession(true);
        SSLSocketFactory sockets = identity == null ? PemTrust.socketFactory(tls.caPem())
                : BrokerConnection.sockets(Optional.of(tls.caPem()), Optional.empty(), new char[0],
                        Optional.of(issuer.clientKeystore(identity)), issuer.keystorePassword().toCharArray());
        o.setSocketFactory(sockets);
        return o;
    }

    /** The station's account on the password listener, collecting "topic payload" of everything under the prefix. */
    private static final class Station implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        final MqttClient client;

        Station() throws Exception {
            client = new MqttClient(broker.url(), "mtls-station", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setConnectionTimeout(10);
            o.setSocketFactory(PemTrust.socketFactory(tls.caPem()));
            o.setUserName("station");
            o.setPassword(STATION_PASSWORD.toCharArray());
            client.connect(o);
            client.subscribe("station/v1/#", 1, (topic, m) -> received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));
        }

        void awaitReceived(String line) throws InterruptedException {
            Eventually.waitUntil(Duration.ofSeconds(30), "'" + line + "' received by the station", () -> received.contains(line));
        }

        @Override
        public void close() throws MqttException {
            client.disconnect();
            client.close();
        }
    }

    private static void publish(MqttClient c, String topic, String payload) throws MqttException {
        c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private static void closeQuietly(MqttClient c) throws MqttException {
        if (c.isConnected()) {
            c.disconnect();
        }
        c.close(true);
    }

    @Test
    void aDeviceSignsInWithItsCertificateAndPublishesIntoItsOwnTopic() throws Exception {
        try (Station station = new Station()) {
            MqttClient device = new MqttClient(certificateUrl(), "any-id", new MemoryPersistence());
            device.connect(device(tls, "mtls-01.monitor"));
            publish(device, OWN_TOPIC, "by-certificate");
            station.awaitReceived(OWN_TOPIC + " by-certificate");
            closeQuietly(device);
        }
    }

    @Test
    void anotherIdentitysCertificateCannotPublishIntoThisDevicesTopic() throws Exception {
        try (Station station = new Station()) {
            // device 2's valid certificate, and a valid certificate of a name the registry does not know
            MqttClient other = new MqttClient(certificateUrl(), "mtls-02-attack", new MemoryPersistence());
            other.connect(device(tls, "mtls-02.monitor"));
            publish(other, OWN_TOPIC, "forged-by-02");
            MqttClient stranger = new MqttClient(certificateUrl(), "stranger-attack", new MemoryPersistence());
            stranger.connect(device(tls, "stranger"));
            publish(stranger, OWN_TOPIC, "forged-by-stranger");
            // then the owner publishes: everything sent before it has been handled by the broker when it arrives
            MqttClient owner = new MqttClient(certificateUrl(), "mtls-01-owner", new MemoryPersistence());
            owner.connect(device(tls, "mtls-01.monitor"));
            publish(owner, OWN_TOPIC, "by-owner");
            station.awaitReceived(OWN_TOPIC + " by-owner");
            assertEquals(List.of(OWN_TOPIC + " by-owner"), station.received, "only the owner's message reaches the station");
            closeQuietly(owner);
            closeQuietly(other);
            closeQuietly(stranger);
        }
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        MqttClient c = new MqttClient(certificateUrl(), "no-certificate", new MemoryPersistence());
        try {
            MqttConnectOptions o = device(null, null);
            o.setUserName("mtls-01.monitor");
            o.setPassword("guess".toCharArray());
            MqttException e = assertThrows(MqttException.class, () -> c.connect(o));
            assertFalse(c.isConnected(), e.toString());
            // refused in the TLS handshake, before any user name or password is looked at
            assertTrue(e.getReasonCode() != MqttException.REASON_CODE_NOT_AUTHORIZED
                    && e.getReasonCode() != MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.toString());
        } finally {
            c.close(true);
        }
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefused() throws Exception {
        GeneratedTls foreign = GeneratedTls.create(root.resolve("foreign"), "someone else", List.of("mtls-01.monitor"));
        MqttClient c = new MqttClient(certificateUrl(), "foreign", new MemoryPersistence());
        try {
            MqttException e = assertThrows(MqttException.class, () -> c.connect(device(foreign, "mtls-01.monitor")));
            assertTrue(e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                    || e.getCause() instanceof SSLException, e.toString());
        } finally {
            c.close(true);
        }
    }
}
