package org.openinfusion.sim.mqtt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT client of one simulated device (Paho mqttv3, asynchronous). It keeps its session
 * ({@code cleanSession=false}) so that messages in flight when the broker goes away are resent,
 * reconnects by itself, and announces itself with a retained {@code online} and a Last Will
 * {@code offline} on its status topic.
 *
 * <p>What the device produces goes into its own outbox first; one sender thread hands the outbox
 * to Paho in order, and only while the client is connected. Paho's disconnected buffer is not
 * used: messages it buffers before the first connection are only sent after a <em>re</em>connect
 * (eclipse-paho/paho.mqtt.java#352, #354), so a device that published before the broker accepted
 * it kept thousands of messages there until the broker restarted (issue 11, item 2a).
 */
final class DevicePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePublisher.class);
    private static final long RETRY_MILLIS = 50;

    private final String clientId;
    private final String bed;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final OutgoingMessage online;
    private final OutgoingMessage offline;
    private final DeliveryTracker tracker;
    private final ScheduledExecutorService control;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<OutgoingMessage> outbox = new ArrayDeque<>();
    private boolean announce;
    private volatile boolean closing;
    private volatile boolean connected;

    DevicePublisher(PublisherSettings settings, String bed, String device, OutgoingMessage online, OutgoingMessage offline,
                    DeliveryTracker tracker, ScheduledExecutorService control) {
        this.clientId = settings.clientId(bed, device);
        this.bed = bed;
        this.online = online;
        this.offline = offline;
        this.tracker = tracker;
        this.control = control;
        this.capacity = settings.bufferSize();
        this.options = ClientOptions.connectOptions(settings, bed, device, offline);
        try {
            this.client = new MqttAsyncClient(settings.brokerUri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client " + clientId + ": " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
    }

    /** Starts the sender and starts connecting; retries in the background until connected or closed. */
    void connect() {
        Thread.ofVirtual().name("sim-send-" + clientId).start(this::sendLoop);
        new ConnectRetry(client, options, clientId, control, () -> closing).attempt(0);
    }

    boolean isConnected() {
        return connected;
    }

    /**
     * Puts {@code message} in the outbox; it is sent, in order, as soon as the client is connected.
     * Waits only while the outbox is full ({@link PublisherSettings#bufferSize()}): a message is never dropped.
     */
    void publish(OutgoingMessage message) throws InterruptedException {
        lock.lock();
        try {
            while (outbox.size() >= capacity && !closing) {
                changed.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (closing) {
                throw new IllegalStateException(clientId + " is closed");
            }
            tracker.handing(message);
            tracker.accepted(message);
            outbox.addLast(message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes the retained {@code offline} before a clean disconnect (the Will covers the rest). */
    void announceOffline() throws InterruptedException {
        if (connected) {
            publish(offline);
        }
    }

    /** Disconnects (waiting up to {@code timeout}) and releases the client; it cannot be reused. */
    void disconnect(Duration timeout) {
        lock.lock();
        try {
            closing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(timeout.toMillis()).waitForCompletion(timeout.toMillis() + 1000);
            }
        } catch (MqttException e) {
            LOG.warn("{}: disconnect failed: {}", clientId, e.getMessage());
        } finally {
            closeClient();
        }
    }

    /** Hands the outbox to the client in order, the {@code online} announcement first after each connect. */
    private void sendLoop() {
        try {
            while (true) {
                OutgoingMessage next;
                boolean status;
                lock.lock();
                try {
                    while (!closing && !(connected && (announce || !outbox.isEmpty()))) {
                        changed.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    }
                    if (closing) {
                        return;
                    }
                    status = announce;
                    next = status ? online : outbox.peekFirst();
                } finally {
                    lock.unlock();
                }
                if (status) {
                    tracker.handing(next);
                }
                // the time before the hand-over: the client may have it on the wire, and the station may have it, before
                // publish returns
                long handing = tracker.handOvers().now();
                if (send(next)) {
                    if (!status) {
                        tracker.handedOver(bed, next, handing);
                    }
                    lock.lock();
                    try {
                        if (status) {
                            announce = false;
                        } else {
                            outbox.pollFirst();
                        }
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                } else if (status) {
                    tracker.refused(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the client took {@code message}; false (after a short wait) when it could not yet. */
    private boolean send(OutgoingMessage message) throws InterruptedException {
        try {
            client.publish(message.topic(), toMqtt(message), null, new AckListener(message, tracker, clientId));
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                tracker.awaitProgress(20);
            } else if (!closing) {
                LOG.debug("{}: client refused a message ({}: {}); holding it", clientId, e.getReasonCode(),
                        e.getMessage());
                Thread.sleep(RETRY_MILLIS);
            }
            return false;
        }
    }

    private void closeClient() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("{}: close failed: {}", clientId, e.getMessage());
        }
    }

    private static MqttMessage toMqtt(OutgoingMessage message) {
        MqttMessage mqtt = new MqttMessage(message.payload());
        mqtt.setQos(message.qos());
        mqtt.setRetained(message.retained());
        return mqtt;
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("{}: {} to {}", clientId, reconnect ? "reconnected" : "connected", serverUri);
            lock.lock();
            try {
                connected = true;
                announce = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            LOG.warn("{}: connection lost ({}); reconnecting", clientId, cause == null ? "no reason" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // devices subscribe to nothing
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // counted by AckListener
        }
    }
}
