package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md "Sources, later ones winning", as an operator meets them: the station's launcher
 * ({@code cli.Main}) in a JVM of its own, its file named by {@code STATION_CONFIG}, a key overridden by an environment
 * variable and that by a system property, each time with a bad value so that the exit-2 message says which source won.
 * Per-device keys are not read from the environment (docs/s5.md).
 */
class ConfigurationSourcesTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private Path file(String lines) throws IOException {
        return Files.writeString(dir.resolve("station.properties"), "station.dataDir=" + dir.resolve("data")
                + "\nmqtt.allowUnregisteredDevices=true\nmqtt.url=tcp://127.0.0.1:1\ninflux.url=http://127.0.0.1:1\n" + lines + "\n");
    }

    private Run launch(Map<String, String> env, String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(jvmOptions));
        cmd.add(Main.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("STATION_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the station started: " + err);
        }
        return new Run(p.exitValue(), err);
    }

    @Test
    void theFileNamedByStationConfigThenTheEnvironmentThenSystemPropertiesWinAndTheMessageSaysWhich() throws Exception {
        Path config = file("mqtt.silentAfter=500ms");
        Run fromFile = launch(Map.of("STATION_CONFIG", config.toString()));
        assertEquals(2, fromFile.exit(), fromFile.err());
        assertTrue(fromFile.err().contains("setting mqtt.silentAfter = '500ms' (from " + config + ")"), fromFile.err());

        Run fromEnv = launch(Map.of("STATION_CONFIG", config.toString(), "STATION_MQTT_SILENTAFTER", "400ms"));
        assertEquals(2, fromEnv.exit(), fromEnv.err());
        assertTrue(fromEnv.err().contains("'400ms' (from environment variable STATION_MQTT_SILENTAFTER)"), fromEnv.err());

        Run fromProperty = launch(Map.of("STATION_CONFIG", config.toString(), "STATION_MQTT_SILENTAFTER", "400ms"),
                "-Dstation.mqtt.silentAfter=300ms");
        assertEquals(2, fromProperty.exit(), fromProperty.err());
        assertTrue(fromProperty.err().contains("'300ms' (from system property station.mqtt.silentAfter)"), fromProperty.err());
    }

    @Test
    void aSerialDevicesKeysAreNotReadFromTheEnvironmentButFromSystemProperties() throws Exception {
        Path config = file("devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed-01\ndevice.mon1.interval=4s");
        Run env = launch(Map.of("STATION_CONFIG", config.toString(), "STATION_DEVICE_MON1_INTERVAL", "10s",
                "STATION_DEVICE_MON1_TCP", "127.0.0.1:4001"));
        assertEquals(2, env.exit(), env.err());
        assertTrue(env.err().contains("needs exactly one of device.mon1.port and device.mon1.tcp (neither is set)"), env.err());

        Run property = launch(Map.of("STATION_CONFIG", config.toString()), "-Dstation.device.mon1.tcp=127.0.0.1:4001",
                "-Dstation.device.mon1.interval=3s");
        assertEquals(2, property.exit(), property.err());
        assertTrue(property.err().contains("setting device.mon1.interval = '3s' (from system property station.device.mon1.interval)"),
                property.err());
    }
}
