package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.broker.BrokerRules;
import org.openinfusion.station.broker.EmbeddedBroker;
import org.openinfusion.station.broker.MqttPasswords;
import org.openinfusion.station.config.DeviceRegistry;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.TempFolders;
import org.openinfusion.station.tls.GeneratedTls;
import org.openinfusion.station.tls.PemTrust;
import org.openinfusion.sim.mqtt.BrokerConnection;

/** The embedded broker (HiveMQ CE) applies the device registry's rules to a real Paho client, over TLS only. */
class EmbeddedBrokerSecurityIT {
    private static Path root;
    private static EmbeddedBroker broker;
    private static GeneratedTls tls;
    private static GeneratedTls impostor;
    private static final int MAX_PACKET = BrokerRules.maxPacketBytes(65_536);

    private static BrokerAttacker attacker() throws Exception {
        return new BrokerAttacker(broker.url(), PemTrust.socketFactory(tls.caPem()), new String[] {"station", "st"},
                new String[] {"bed-01.monitor", "one"}, "bed-01", "monitor", new String[] {"bed-02.monitor", "two"}, "bed-02");
    }

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("embedded-broker-it-");
        // one authority signs the broker's certificate and two devices' client certificates (one of them not registered)
        tls = GeneratedTls.create(root.resolve("tls"), "embedded test broker", List.of("bed-03.monitor", "bed-09.monitor"));
        impostor = GeneratedTls.create(root.resolve("impostor"), "someone else", List.of("bed-03.monitor"));
        DeviceRegistry registry = DeviceRegistry.of(List.of(
                new DeviceRegistry.Device("bed-01.monitor", new DeviceRef("bed-01", "monitor"), MqttPasswords.hash("one".toCharArray())),
                new DeviceRegistry.Device("bed-02.monitor", new DeviceRef("bed-02", "monitor"), MqttPasswords.hash("two".toCharArray())),
                new DeviceRegistry.Device("bed-03.monitor", new DeviceRef("bed-03", "monitor"), DeviceRegistry.CERTIFICATE_ONLY)));
        broker = EmbeddedBroker.start(root.resolve("broker"), 0, new BrokerRules(Optional.of(registry), "station/v1", "station",
                MqttPasswords.hash("st".toCharArray()), "station-ingest"), Optional.of(tls), MAX_PACKET, Optional.of(tls.caPem()), false);
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        TempFolders.deleteTree(root);
    }

    private static MqttConnectOptions login(String user, String password) throws Exception {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(PemTrust.socketFactory(tls.caPem()));
        o.setConnectionTimeout(10);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        return o;
    }

    private static MqttException refused(String url, String clientId, MqttConnectOptions o) throws Exception {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        try {
            return assertThrows(MqttException.class, () -> c.connect(o));
        } finally {
            c.close(true);
        }
    }

    @Test
    void theBrokersConfigurationThatNamesTheKeyStorePasswordIsOwnerOnly() throws Exception {
        Path config = root.resolve("broker").resolve("conf").resolve("config.xml");
        assertTrue(Files.readString(config).contains(tls.keystorePassword()), "HiveMQ reads the key store's password from it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.keystorePasswordFile())));
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordIsRefusedAtConnect() throws Exception {
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused(broker.url(), "anon", login(null, null)).getReasonCode());
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused(broker.url(), "wrong", login("bed-01.monitor", "two")).getReasonCode());
    }

    @Test
    void plainTcpIsRefusedByTheTlsListener() throws Exception {
        MqttConnectOptions plain = new MqttConnectOptions();
        plain.setUserName("bed-01.monitor");
        plain.setPassword("one".toCharArray());
        plain.setConnectionTimeout(5);
        String tcp = broker.url().replace("ssl://", "tcp://");
        MqttException e = refused(tcp, "plain", plain);
        assertTrue(e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT, e.toString());
    }

    @Test
    void aDeviceTakingTheStationsClientIdIsRefused() throws Exception {
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED,
                refused(broker.url(), "station-ingest", login("bed-01.monitor", "one")).getReasonCode());
    }

    @Test
    void aDevicesMessageIntoAnotherDevicesTopicNeverReachesTheStation() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient station = new MqttClient(broker.url(), "station-ingest", new MemoryPersistence());
        MqttClient one = new MqttClient(broker.url(), "dev-1", new MemoryPersistence());
        MqttClient two = new MqttClient(broker.url(), "dev-2", new MemoryPersistence());
        try {
            station.connect(login("station", "st"));
            station.subscribe("station/v1/#", 1, (topic, m) -> received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));
            one.connect(login("bed-01.monitor", "one"));
            two.connect(login("bed-02.monitor", "two"));
            try {
                one.publish("station/v1/beds/bed-02/devices/monitor/numerics", "forged".getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (MqttException refusedPublish) {
                // HiveMQ may close the offender's connection; either way nothing is forwarded
            }
            two.publish("station/v1/beds/bed-02/devices/monitor/numerics", "own".getBytes(StandardCharsets.UTF_8), 1, false);
            Eventually.waitUntil(Duration.ofSeconds(20), "the owner's message delivered",
                    () -> !received.isEmpty());
            // the forged message was acknowledged before the own one was sent: had it been forwarded, it would be here
            assertEquals(List.of("station/v1/beds/bed-02/devices/monitor/numerics own"), received);
        } finally {
            for (MqttClient c : List.of(station, one, two)) {
                if (c.isConnected()) {
                    c.disconnect();
                }
                c.close(true);
            }
        }
    }

    @Test
    void aPublishLargerThanTheMaximumPacketSizeDisconnectsTheDeviceAndIsNeverForwarded() throws Exception {
        attacker().oversizedPublishIsRefused(MAX_PACKET);
    }

    @Test
    void aDeviceWhoseWillNamesAnotherBedsStatusIsRefusedAtConnect() throws Exception {
        attacker().willOutsideItsOwnTopicsIsNeverPublished(true);
    }

    @Test
    void aDeviceSubscribingToEverythingOrToAnotherBedIsRefusedAndReadsNothing() throws Exception {
        attacker().subscriptionsToEverythingOrAnotherBedGetNothing(true);
    }

    /** TLS sockets trusting the broker and presenting {@code issuer}'s client certificate for {@code device}. */
    private static MqttConnectOptions withCertificate(GeneratedTls issuer, String device) throws Exception {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setConnectionTimeout(10);
        o.setSocketFactory(BrokerConnection.sockets(Optional.of(tls.caPem()), Optional.empty(), new char[0],
                Optional.of(issuer.clientKeystore(device)), issuer.keystorePassword().toCharArray()));
        return o;
    }

    @Test
    void aDeviceSignsInWithItsClientCertificateAloneAndNoOtherIdentityGetsIn() throws Exception {
        BrokerAttacker a = attacker();
        try (BrokerAttacker.Listener station = a.new Listener()) {
            // the certificate's common name is the registered account: no password, and it publishes its own values
            MqttClient device = new MqttClient(broker.url(), "cert-03", new MemoryPersistence());
            device.connect(withCertificate(tls, "bed-03.monitor"));
            device.publish("station/v1/beds/bed-03/devices/monitor/numerics", "by-certificate".getBytes(StandardCharsets.UTF_8), 1, false);
            station.awaitReceived("station/v1/beds/bed-03/devices/monitor/numerics by-certificate");
            BrokerAttacker.close(device);
        }
        // the same certificate claiming another account's user name and password
        MqttConnectOptions claiming = withCertificate(tls, "bed-03.monitor");
        claiming.setUserName("bed-01.monitor");
        claiming.setPassword("one".toCharArray());
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused(broker.url(), "claims-01", claiming).getReasonCode());
        // the certificate-only account without a certificate, whatever the password
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused(broker.url(), "no-cert", login("bed-03.monitor", "certificate")).getReasonCode());
        // a valid certificate of an account that is not registered
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED,
                refused(broker.url(), "cert-09", withCertificate(tls, "bed-09.monitor")).getReasonCode());
        // the right name on a certificate from another authority: never taken as that device (the broker names its
        // authority when asking for a certificate, so the client has none to offer and arrives without credentials;
        // a client forcing it on the broker fails the handshake)
        MqttException forged = refused(broker.url(), "forged-03", withCertificate(impostor, "bed-03.monitor"));
        assertTrue(forged.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED
                || forged.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST || forged.getCause() instanceof SSLException,
                forged.toString());
    }
}
