package org.openinfusion.station.device.mqtt;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openinfusion.station.config.MqttConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's Paho connection: persistent session (the broker queues while we are away), manual
 * acknowledgements, automatic reconnect, and retries of the first connect until the broker appears.
 */
final class MqttConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    private static final int QOS = 1;

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Thread connector;

    MqttConnection(MqttConfig config) throws MqttException {
        client = new MqttAsyncClient(config.url(), config.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(5000);
        options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        options.setConnectionTimeout(10);
        options.setMaxInflight(config.maxInflight());
        if (!config.username().isEmpty()) {
            options.setUserName(config.username());
            options.setPassword(config.password().toCharArray());
        }
    }

    /** Connects in the background, retrying with back-off until it succeeds or the connection is closed. */
    void start(MqttCallbackExtended callback) {
        client.setCallback(callback);
        connector = Thread.ofPlatform().name("mqtt-connect").daemon().start(this::connectUntilConnected);
    }

    private void connectUntilConnected() {
        long delay = 250;
        while (!closed.get() && !client.isConnected()) {
            try {
                client.connect(options).waitForCompletion(15_000);
                return;
            } catch (MqttException e) {
                LOG.warn("broker {} not reachable yet ({}); retrying in {} ms", client.getServerURI(), e.getMessage(), delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = Math.min(delay * 2, 5000);
            }
        }
    }

    boolean connected() {
        return client.isConnected();
    }

    void subscribe(String filter) {
        try {
            client.subscribe(filter, QOS);
        } catch (MqttException e) {
            LOG.error("subscribe to {} failed: {}", filter, e.getMessage());
        }
    }

    void ack(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.warn("acknowledgement of message {} failed ({}); the broker will redeliver it", message.getId(), e.getMessage());
        }
    }

    static String uniqueSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (connector != null) {
            connector.interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }
}
