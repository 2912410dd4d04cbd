package org.openinfusion.sim.mqtt;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
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
 * buffers what is published while disconnected, reconnects by itself, and announces itself with
 * a retained {@code online} and a Last Will {@code offline} on its status topic.
 */
final class DevicePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePublisher.class);
    private static final long MAX_RETRY_MILLIS = 1000;

    private final String clientId;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final OutgoingMessage online;
    private final OutgoingMessage offline;
    private final DeliveryTracker tracker;
    private final ScheduledExecutorService control;
    private volatile boolean closing;
    private volatile boolean connected;

    DevicePublisher(PublisherSettings settings, String clientId, OutgoingMessage online, OutgoingMessage offline,
                    DeliveryTracker tracker, ScheduledExecutorService control) {
        this.clientId = clientId;
        this.online = online;
        this.offline = offline;
        this.tracker = tracker;
        this.control = control;
        this.options = ClientOptions.connectOptions(settings, offline);
        try {
            this.client = new MqttAsyncClient(settings.brokerUri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client " + clientId + ": " + e.getMessage(), e);
        }
        client.setBufferOpts(ClientOptions.bufferOptions(settings));
        client.setCallback(new Callback());
    }

    /** Starts connecting; retries in the background until connected or closed. */
    void connect() {
        new ConnectRetry(client, options, clientId, control, () -> closing).attempt(0);
    }

    boolean isConnected() {
        return connected;
    }

    /**
     * Hands {@code message} to the client, waiting while the client cannot take it (in-flight
     * window full, disconnected buffer full): a message is never dropped here.
     */
    void publish(OutgoingMessage message) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            tracker.handing(message);
            try {
                client.publish(message.topic(), toMqtt(message), null, new AckListener(message, tracker, clientId));
                tracker.accepted(message);
                return;
            } catch (MqttException e) {
                tracker.refused(message);
                waitBeforeRetry(e, attempt);
            }
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
        closing = true;
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

    private void waitBeforeRetry(MqttException e, int attempt) throws InterruptedException {
        int reason = e.getReasonCode();
        if (closing || reason == MqttException.REASON_CODE_CLIENT_CLOSED) {
            throw new IllegalStateException(clientId + " is closed: " + e.getMessage(), e);
        }
        if (reason == MqttException.REASON_CODE_MAX_INFLIGHT) {
            tracker.awaitProgress(20);
            return;
        }
        if (attempt == 0) {
            LOG.warn("{}: holding messages, client refused one ({}: {})", clientId, reason, e.getMessage());
        }
        Thread.sleep(Math.min(MAX_RETRY_MILLIS, 50L << Math.min(attempt, 5)));
    }

    private void announceOnline() {
        try {
            publish(online);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.debug("{}: not announced online: {}", clientId, e.getMessage());
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
            connected = true;
            LOG.info("{}: {} to {}", clientId, reconnect ? "reconnected" : "connected", serverUri);
            try {
                control.execute(DevicePublisher.this::announceOnline);
            } catch (RejectedExecutionException e) {
                LOG.debug("{}: closing, online not announced", clientId);
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
