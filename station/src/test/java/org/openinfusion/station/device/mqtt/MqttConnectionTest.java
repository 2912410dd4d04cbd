package org.openinfusion.station.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.health.BrokerLink;
import org.openinfusion.station.testing.CapturedLog;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;

class MqttConnectionTest {
    private static final MqttConnection.Listener NOBODY = new MqttConnection.Listener() {
        @Override
        public void connected(String serverUri) {
        }

        @Override
        public void lost(Throwable cause) {
        }

        @Override
        public void message(String topic, MqttMessage message, Runnable ack) {
        }
    };

    /** A loopback port nothing listens on: every connect is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aBrokerNotReachedWhileTheStationStartsIsInfoAndOnlyAfterTheFirstConnectGraceAWarning() throws Exception {
        MqttConfig config = StationConfig.from(Settings.defaultsWith(Map.of())).mqtt().withUrl("tcp://127.0.0.1:" + closedPort());
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
        try (CapturedLog log = new CapturedLog(MqttConnection.class); MqttConnection connection = new MqttConnection(config, clock)) {
            connection.start("station/v1/#", List.of(), NOBODY);
            Eventually.waitUntil(Duration.ofSeconds(10), () -> "two failed connects in " + log.lines(),
                    () -> log.containing("not reachable").size() >= 2);
            assertEquals(List.of(), log.at("WARN"), "no warning during the first-connect grace");
            assertTrue(log.at("INFO").stream().allMatch(l -> l.contains("not reachable yet while the station starts")), log.lines().toString());

            clock.advance(BrokerLink.FIRST_CONNECT_GRACE);
            // the back-off reaches at most 5 s between attempts
            Eventually.waitUntil(Duration.ofSeconds(15), () -> "a warning after the grace in " + log.lines(),
                    () -> !log.at("WARN").isEmpty());
            assertTrue(log.at("WARN").getFirst().startsWith("broker tcp://127.0.0.1:"), log.at("WARN").toString());
            assertTrue(log.at("WARN").getFirst().contains("not reachable ("), log.at("WARN").toString());
        }
    }
}
