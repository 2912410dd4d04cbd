package org.openinfusion.sim.mqtt;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** The Paho options every simulated device uses (docs/mqtt.md, "Session and delivery"). */
final class ClientOptions {

    static final int KEEP_ALIVE_SECONDS = 10;
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int MAX_RECONNECT_DELAY_MILLIS = 4000;

    private ClientOptions() {
    }

    static MqttConnectOptions connectOptions(PublisherSettings settings, String bed, String device, OutgoingMessage will) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MILLIS);
        options.setMaxInflight(settings.maxInflight());
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        options.setWill(will.topic(), will.payload(), will.qos(), will.retained());
        settings.tls().ifPresent(options::setSocketFactory);
        settings.logins().of(bed, device).ifPresent(login -> {
            options.setUserName(login.user());
            options.setPassword(login.password().clone());
        });
        return options;
    }
}
