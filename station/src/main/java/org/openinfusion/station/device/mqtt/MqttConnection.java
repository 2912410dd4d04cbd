package org.openinfusion.station.device.mqtt;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.health.BrokerLink;
import org.openinfusion.station.tls.PemTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's MQTT connection: a persistent session (the broker queues while we are away) with
 * manual acknowledgements. It owns reconnection, with back-off, and uses a fresh Paho client for
 * every connection: the session lives on the broker, and Paho 1.2.5 was seen to stay stuck in
 * "connect already in progress" after a broker restart. Each delivered message comes with an
 * acknowledgement bound to the client that delivered it, so an ack never reaches a later
 * connection where the same message id may mean another message.
 */
final class MqttConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    private static final int QOS = 1;
    private static final long MAX_DELAY_MILLIS = 5000;

    /** What the connection reports to the ingest. */
    interface Listener {
        void connected(String serverUri);

        void lost(Throwable cause);

        /** A message; call {@code ack} once it is durable (or deliberately dropped as invalid). */
        void message(String topic, MqttMessage message, Runnable ack);
    }

    private final MqttConfig config;
    private final MqttConnectOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Clock clock;
    private final AtomicLong disconnects = new AtomicLong();
    private volatile Instant lastDisconnect;
    private volatile Runnable onChange = () -> { };
    /** The client whose loss was last counted: each connection's loss counts once, told by Paho or found by the supervisor. */
    private volatile MqttAsyncClient lossCounted;
    private volatile MqttAsyncClient client;
    private Listener listener;
    private String filter;
    private List<String> formerFilters = List.of();
    private Thread supervisor;
    /** When {@link #start} was called; until the first connection, or {@link BrokerLink#FIRST_CONNECT_GRACE} after it, a failed connect is expected. */
    private volatile Instant started;
    private volatile boolean connectedOnce;

    MqttConnection(MqttConfig config) {
        this(config, Clock.systemUTC());
    }

    MqttConnection(MqttConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        options.setConnectionTimeout(10);
        options.setMaxInflight(config.maxInflight());
        if (!config.username().isEmpty()) {
            options.setUserName(config.username());
            options.setPassword(config.password().toCharArray());
        }
        if (config.caFile().isPresent()) {
            try {
                options.setSocketFactory(PemTrust.socketFactory(config.caFile().get()));
            } catch (IOException e) {
                throw new ConfigException("mqtt.caFile: " + e.getMessage());
            }
        }
    }

    /**
     * Connects in the background and subscribes to {@code filter} (after unsubscribing {@code former}, filters an
     * earlier version left in the persistent session); reconnects whenever the connection is lost.
     */
    void start(String subscription, List<String> former, Listener l) {
        this.filter = subscription;
        this.formerFilters = List.copyOf(former);
        this.listener = l;
        this.started = clock.instant();
        supervisor = Thread.ofPlatform().name("mqtt-supervisor").daemon().start(this::supervise);
    }

    /**
     * The one thread that owns the connection for the station's whole life: connects, and whenever the
     * connection is found lost (told by Paho, or seen within a second), connects again with back-off.
     */
    private void supervise() {
        long delay = 250;
        while (!closed.get()) {
            MqttAsyncClient current = client;
            if (current != null && current.isConnected()) {
                delay = 250;
                waitForTrouble();
                continue;
            }
            if (current != null) {
                countLoss(current);
            }
            MqttAsyncClient fresh = null;
            try {
                fresh = newClient();
                fresh.connect(options).waitForCompletion(15_000);
                if (!formerFilters.isEmpty()) {
                    fresh.unsubscribe(formerFilters.toArray(String[]::new)).waitForCompletion(15_000);
                }
                fresh.subscribe(filter, QOS).waitForCompletion(15_000);
                client = fresh;
                connectedOnce = true;
                listener.connected(fresh.getServerURI());
                onChange.run();
            } catch (MqttException e) {
                if (inFirstConnectGrace()) {
                    LOG.info("broker {} not reachable yet while the station starts ({}); retrying in {} ms", config.url(), e.getMessage(), delay);
                } else {
                    LOG.warn("broker {} not reachable ({}); retrying in {} ms", config.url(), e.getMessage(), delay);
                }
                discard(fresh);
                sleep(delay);
                delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
            }
        }
    }

    /** A failed connect before the first connection and within the grace after the start is part of starting, not a fault. */
    private boolean inFirstConnectGrace() {
        return !connectedOnce && clock.instant().isBefore(started.plus(BrokerLink.FIRST_CONNECT_GRACE));
    }

    private synchronized void waitForTrouble() {
        try {
            wait(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.set(true);
        }
    }

    private synchronized void trouble() {
        notifyAll();
    }

    private MqttAsyncClient newClient() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(config.url(), config.clientId(), new MemoryPersistence());
        c.setManualAcks(true);
        c.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                // Reported by the supervisor once the subscription is in place.
            }

            @Override
            public void connectionLost(Throwable cause) {
                countLoss(c);
                listener.lost(cause);
                discard(c);
                trouble();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                listener.message(topic, message, () -> ack(c, message));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // The station publishes nothing on this connection.
            }
        });
        return c;
    }

    private static void ack(MqttAsyncClient c, MqttMessage message) {
        if (!c.isConnected()) {
            LOG.debug("message {} not acknowledged: its connection is gone; the broker will redeliver it", message.getId());
            return;
        }
        try {
            c.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.warn("acknowledgement of message {} failed ({}); the broker will redeliver it", message.getId(), e.getMessage());
        }
    }

    /** Counts a lost connection once per client, however short the outage, and tells {@link #onChange}. */
    private synchronized void countLoss(MqttAsyncClient lost) {
        if (lossCounted == lost || closed.get()) {
            return;
        }
        lossCounted = lost;
        disconnects.incrementAndGet();
        lastDisconnect = clock.instant();
        onChange.run();
    }

    /** Run (on a Paho or supervisor thread; must not block) whenever the connection is made or lost. */
    void onChange(Runnable r) {
        onChange = r;
    }

    long disconnects() {
        return disconnects.get();
    }

    Optional<Instant> lastDisconnect() {
        return Optional.ofNullable(lastDisconnect);
    }

    boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    private static void discard(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            c.disconnectForcibly(0, 1000, false);
        } catch (MqttException e) {
            LOG.debug("forced disconnect: {}", e.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (supervisor != null) {
            supervisor.interrupt();
        }
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2000).waitForCompletion(3000);
                }
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.getMessage());
            }
            discard(c);
        }
    }
}
