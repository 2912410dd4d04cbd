package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openinfusion.testing.Eventually;

/**
 * What a registered device's stolen credentials try against a secured broker (embedded HiveMQ or mosquitto), with a
 * real Paho client over TLS; the station's account listens to see what gets through. Used by
 * {@link EmbeddedBrokerSecurityIT} and {@link BrokerSecurityIT} so both brokers face the same attacks.
 *
 * @param url      the broker ({@code ssl://...})
 * @param sockets  TLS sockets trusting the broker's authority
 * @param station  the station's account and password
 * @param device   account and password of a device at {@code bed}/{@code deviceId}
 * @param other    account and password of the monitor of {@code otherBed}
 */
record BrokerAttacker(String url, SSLSocketFactory sockets, String[] station, String[] device, String bed, String deviceId,
                      String[] other, String otherBed) {
    private static final String PREFIX = "station/v1/beds/";

    MqttConnectOptions options(String[] account) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(sockets);
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        o.setUserName(account[0]);
        o.setPassword(account[1].toCharArray());
        return o;
    }

    MqttClient connect(String clientId, MqttConnectOptions o) throws MqttException {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        c.setTimeToWait(20_000);
        c.connect(o);
        return c;
    }

    String ownTopic() {
        return PREFIX + bed + "/devices/" + deviceId + "/numerics";
    }

    String otherTopic() {
        return PREFIX + otherBed + "/devices/monitor/numerics";
    }

    /** The station's account subscribed to everything, collecting "topic payload" of each message. */
    final class Listener implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final MqttClient client;

        Listener() throws MqttException {
            client = connect("listener-" + System.nanoTime(), options(station));
            client.subscribe("station/v1/#", 1, (topic, m) -> received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));
        }

        void awaitReceived(String line) throws InterruptedException {
            Eventually.waitUntil(Duration.ofSeconds(30), "'" + line + "' received by the station's account", () -> received.contains(line));
        }

        @Override
        public void close() throws MqttException {
            BrokerAttacker.close(client);
        }
    }

    static void close(MqttClient c) throws MqttException {
        if (c.isConnected()) {
            c.disconnect();
        }
        c.close(true);
    }

    /** A publish larger than {@code maxPacketBytes}: the broker disconnects the sender and forwards nothing of it. */
    void oversizedPublishIsRefused(int maxPacketBytes) throws Exception {
        try (Listener listener = new Listener()) {
            MqttClient big = connect("big-" + System.nanoTime(), options(device));
            byte[] payload = new byte[maxPacketBytes + 1];
            Arrays.fill(payload, (byte) 'x');
            assertThrows(MqttException.class, () -> big.publish(ownTopic(), payload, 1, false));
            Eventually.waitUntil(Duration.ofSeconds(30), "the broker closed the sender's connection", () -> !big.isConnected());
            big.close(true);
            // the same device, reconnected, sends a normal message: only that one reaches the station
            MqttClient again = connect("again-" + System.nanoTime(), options(device));
            again.publish(ownTopic(), "small".getBytes(StandardCharsets.UTF_8), 1, false);
            listener.awaitReceived(ownTopic() + " small");
            assertEquals(List.of(ownTopic() + " small"), listener.received);
            close(again);
        }
    }

    /**
     * A device whose Will names another bed's status topic (a retained "offline" there would raise a HIGH alarm):
     * refused at CONNECT where {@code refusedAtConnect} (HiveMQ), else (mosquitto, which checks a Will against the ACL
     * when it would publish it) the connection is dropped without DISCONNECT and no Will ever reaches that topic.
     */
    void willOutsideItsOwnTopicsIsNeverPublished(boolean refusedAtConnect) throws Exception {
        String otherStatus = PREFIX + otherBed + "/devices/monitor/status";
        MqttConnectOptions o = options(device);
        o.setWill(otherStatus, "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        MqttClient c = new MqttClient(url, "will-" + System.nanoTime(), new MemoryPersistence());
        if (refusedAtConnect) {
            MqttException e = assertThrows(MqttException.class, () -> c.connect(o));
            assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, e.getReasonCode(), e.toString());
            c.close(true);
        } else {
            c.connect(o);
            c.disconnectForcibly(0, 1000, false); // the socket closed without DISCONNECT: the broker's cue for the Will
            c.close(true);
        }
        // a new subscriber to that status topic gets no retained Will before the owner's own next status: the broker
        // sends a retained message at subscription, before any later publish
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient watcher = connect("watcher-" + System.nanoTime(), options(station));
        watcher.subscribe(otherStatus, 1, (topic, m) -> seen.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        MqttClient owner = connect("owner-" + System.nanoTime(), options(other));
        owner.publish(otherStatus, "online".getBytes(StandardCharsets.UTF_8), 1, false);
        Eventually.waitUntil(Duration.ofSeconds(30), "the owner's status seen", () -> seen.contains("online"));
        assertEquals(List.of("online"), seen, "no Will from another device on " + otherStatus);
        close(owner);
        close(watcher);
        // its own status topic as Will is accepted
        MqttConnectOptions own = options(device);
        own.setWill(PREFIX + bed + "/devices/" + deviceId + "/status", "offline".getBytes(StandardCharsets.UTF_8), 1, false);
        close(connect("will-own-" + System.nanoTime(), own));
    }

    /**
     * Subscriptions to {@code #}, to another bed's topics and to the whole prefix: refused in the SUBACK (failure code
     * 128) where {@code refusedInSuback} (HiveMQ), else granted but filtered at delivery (mosquitto's ACL); either way
     * nothing the other bed's monitor sends reaches the device.
     */
    void subscriptionsToEverythingOrAnotherBedGetNothing(boolean refusedInSuback) throws Exception {
        try (Listener listener = new Listener()) {
            List<String> stolen = new CopyOnWriteArrayList<>();
            MqttClient spy = connect("spy-" + System.nanoTime(), options(device));
            List<Integer> granted = new ArrayList<>();
            for (String filter : List.of("#", PREFIX + otherBed + "/#", "station/v1/#")) {
                try {
                    IMqttToken t = spy.subscribeWithResponse(filter, 1, (topic, m) -> stolen.add(topic));
                    granted.add(t.getGrantedQos()[0]);
                } catch (MqttException refused) {
                    granted.add(refused.getReasonCode());
                }
            }
            int code = refusedInSuback ? 128 : 1;
            assertEquals(List.of(code, code, code), granted, "SUBACK return codes for #, the other bed, the whole prefix");
            MqttClient owner = connect("owner-" + System.nanoTime(), options(other));
            owner.publish(otherTopic(), "private".getBytes(StandardCharsets.UTF_8), 1, false);
            listener.awaitReceived(otherTopic() + " private");
            // two round trips of the spy's own: a message forwarded to it before them has reached its callback by then
            // (Paho's callback thread takes one completion, then one message, in turn)
            spy.publish(ownTopic(), "round-trip".getBytes(StandardCharsets.UTF_8), 1, false);
            spy.publish(ownTopic(), "round-trip".getBytes(StandardCharsets.UTF_8), 1, false);
            assertTrue(stolen.isEmpty(), "the device read " + stolen);
            close(owner);
            close(spy);
        }
    }
}
