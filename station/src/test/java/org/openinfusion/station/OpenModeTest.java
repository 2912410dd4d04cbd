package org.openinfusion.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.config.Settings;
import org.openinfusion.station.config.StationConfig;
import org.openinfusion.station.process.FreePort;
import org.openinfusion.station.testing.CapturedLog;

/** Without a device registry the station does not start, unless the explicit development setting says so (loudly). */
class OpenModeTest {
    @TempDir
    Path dir;

    private StationConfig config(Map<String, String> extra) throws Exception {
        Map<String, String> s = new HashMap<>(Map.of("mqtt.url", "embedded", "station.dataDir", dir.resolve("data").toString(),
                "influx.url", "http://127.0.0.1:" + FreePort.find(), "http.statusPort", "0"));
        s.putAll(extra);
        return StationConfig.from(Settings.defaultsWith(s));
    }

    @Test
    void withoutADeviceRegistryTheStationRefusesToStartBeforeItsBrokerOrAnythingElseRuns() throws Exception {
        // given a station configured with the embedded broker and no device registry
        StationConfig config = config(Map.of());
        Vertx vertx = Vertx.vertx();
        try {
            // when it is started
            ConfigException e = assertThrows(ConfigException.class, () -> StationApp.start(config, Clock.systemUTC(), vertx));
            // then it refuses, naming the registry and the development setting, and has started nothing
            assertEquals(MqttConfig.NO_REGISTRY, e.getMessage());
            assertTrue(e.getMessage().contains("mqtt.allowUnregisteredDevices=true"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("data").resolve("broker")), "the embedded broker was started");
            assertFalse(Files.exists(dir.resolve("data").resolve("audit")), "the audit trail was opened");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void theExplicitDevelopmentSettingStartsTheStationOpenAndLogsThatAsAnError() throws Exception {
        // given the same station with mqtt.allowUnregisteredDevices=true
        // (a broker URL where none listens: the station runs and keeps trying, which is all this test needs)
        StationConfig config = config(Map.of("mqtt.allowUnregisteredDevices", "true", "mqtt.url", "tcp://127.0.0.1:" + FreePort.find()));
        try (CapturedLog log = new CapturedLog(StationApp.class)) {
            // when it is started
            try (StationApp station = StationApp.start(config, Clock.systemUTC(), Vertx.vertx())) {
                // then it runs without a registry, and says so at start as an error
                assertTrue(station.config().mqtt().deviceRegistry().isEmpty());
                List<String> warned = log.containing("DEVELOPMENT MODE (mqtt.allowUnregisteredDevices=true)");
                assertEquals(1, warned.size(), log.lines().toString());
                assertTrue(warned.get(0).contains("Never run this with patients"), warned.get(0));
            }
        }
    }
}
