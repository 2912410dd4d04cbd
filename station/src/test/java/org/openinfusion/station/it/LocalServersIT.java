package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.process.FreePort;

class LocalServersIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    @Test
    void influxdAnswersOnItsPrivatePort() {
        try (var influx = InfluxDBFactory.connect(SERVERS.influxd().url(), SERVERS.influxd().admin().username(),
                SERVERS.influxd().admin().password())) {
            assertTrue(influx.ping().isGood());
        }
    }

    @Test
    void mosquittoRestartsOnTheSamePort() throws Exception {
        SERVERS.mosquitto().stop();
        assertFalse(FreePort.answers(SERVERS.mosquitto().port()));
        SERVERS.mosquitto().start();
        MqttClient c = new MqttClient(SERVERS.mosquitto().url(), "probe", new MemoryPersistence());
        c.connect();
        assertTrue(c.isConnected());
        c.disconnect();
        c.close();
    }
}
