package org.openinfusion.sim.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the PUBACK of one message. A failure is not final: Paho reports in-flight messages as
 * failed when the connection drops, keeps them in the session ({@code cleanSession=false}) and
 * resends them after reconnecting, and then reports success on the same token.
 */
final class AckListener implements IMqttActionListener {

    private static final Logger LOG = LoggerFactory.getLogger(AckListener.class);

    private final OutgoingMessage message;
    private final DeliveryTracker tracker;
    private final String clientId;

    AckListener(OutgoingMessage message, DeliveryTracker tracker, String clientId) {
        this.message = message;
        this.tracker = tracker;
        this.clientId = clientId;
    }

    @Override
    public void onSuccess(IMqttToken token) {
        tracker.acknowledged(message);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable error) {
        LOG.debug("{}: delivery on {} interrupted ({}); it will be resent", clientId, message.topic(),
                error == null ? "no reason" : error.getMessage());
    }
}
