package org.openinfusion.sim.mqtt;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first connection, retried with back-off (0.5 s doubling to 10 s) until it succeeds or the
 * client closes. Paho's automatic reconnect only covers connections lost after a first success.
 */
final class ConnectRetry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectRetry.class);
    private static final long MAX_DELAY_MILLIS = 10_000;

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final String clientId;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier closing;

    ConnectRetry(MqttAsyncClient client, MqttConnectOptions options, String clientId,
                 ScheduledExecutorService scheduler, BooleanSupplier closing) {
        this.client = client;
        this.options = options;
        this.clientId = clientId;
        this.scheduler = scheduler;
        this.closing = closing;
    }

    void attempt(int failures) {
        if (closing.getAsBoolean()) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // the client's connectComplete callback announces it
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    retry(failures + 1, error);
                }
            });
        } catch (MqttException e) {
            retry(failures + 1, e);
        }
    }

    private void retry(int failures, Throwable error) {
        if (failures == 1) {
            LOG.warn("{}: cannot connect to the broker ({}); retrying", clientId, error.getMessage());
        } else {
            LOG.debug("{}: connect attempt {} failed: {}", clientId, failures, error.getMessage());
        }
        if (closing.getAsBoolean()) {
            return;
        }
        long delay = Math.min(MAX_DELAY_MILLIS, 500L << Math.min(failures, 5));
        try {
            scheduler.schedule(() -> attempt(failures), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: simulator closing, no more connect attempts", clientId);
        }
    }
}
