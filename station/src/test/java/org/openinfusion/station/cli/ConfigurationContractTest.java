package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openinfusion.station.device.DeviceOptions;

/**
 * docs/configuration.md as an operator reads it: "a bad value stops the start with a message naming the setting, the
 * value and where it came from", for every limit that page (and docs/s5.md, docs/asena.md for the serial devices' keys)
 * states. Each case is a real configuration file given to the launcher {@code cli.Main}: exit 2 (the usage or
 * configuration error the systemd unit does not restart after, docs/operations.md), the setting and the value named on
 * standard error, and nothing started (no audit trail opened in the data folder).
 */
class ConfigurationContractTest {
    /** A configuration that would start (development mode, servers that are not there); each case adds its bad lines. */
    private static String base(Path data) {
        return "station.dataDir=" + data + "\nmqtt.allowUnregisteredDevices=true\nmqtt.url=tcp://127.0.0.1:1\n"
                + "influx.url=http://127.0.0.1:1\nhttp.statusPort=0\nhttp.dashboardPort=0\n";
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                // docs/configuration.md, the table
                Arguments.of("mqtt.silentAfter=500ms", List.of("mqtt.silentAfter", "500ms", "at least 1s")),
                Arguments.of("security.sessionTimeout=30s", List.of("security.sessionTimeout", "30s", "at least 1m")),
                Arguments.of("tablet.idleLock=500ms", List.of("tablet.idleLock", "500ms", "at least 1s")),
                Arguments.of("tablet.codeValidity=5s", List.of("tablet.codeValidity", "5s", "10s and 30m")),
                Arguments.of("tablet.codeValidity=31m", List.of("tablet.codeValidity", "31m", "10s and 30m")),
                Arguments.of("study.siteId=a-site-id-over-twenty-chars", List.of("study.siteId", "a-site-id-over-twenty-chars")),
                Arguments.of("study.country=fra", List.of("study.country", "'fra'")),
                Arguments.of("site.timeZone=Mars/Olympus_Mons", List.of("site.timeZone", "Mars/Olympus_Mons")),
                Arguments.of("site.wording=/no/such/wording.properties", List.of("site.wording", "/no/such/wording.properties")),
                Arguments.of("mqtt.url=http://broker:1883", List.of("mqtt.url", "http://broker:1883")),
                Arguments.of("mqtt.topicPrefix=station/#", List.of("mqtt.topicPrefix", "station/#")),
                Arguments.of("buffer.maxBytes=8 GB", List.of("buffer.maxBytes", "8 GB")),
                Arguments.of("health.rejectLogInterval=often", List.of("health.rejectLogInterval", "often")),
                Arguments.of("mqtt.url=embedded\nmqtt.embeddedTls=false\nmqtt.embeddedClientCa=/etc/station/device-ca.pem",
                        List.of("mqtt.embeddedClientCa", "mqtt.embeddedTls")),
                Arguments.of("mqtt.urll=tcp://127.0.0.1:1883", List.of("mqtt.urll")),
                // docs/configuration.md, "Serial devices"
                Arguments.of("devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed-01\ndevice.mon1.port=/dev/ttyUSB0\n"
                        + "device.mon1.tcp=10.0.0.5:4001", List.of("device.mon1.port", "device.mon1.tcp", "exactly one")),
                Arguments.of("devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed-01",
                        List.of("device.mon1.port", "device.mon1.tcp", "exactly one")),
                Arguments.of("devices=mon1\ndevice.mon1.protocol=modbus\ndevice.mon1.bed=bed-01\ndevice.mon1.tcp=10.0.0.5:4001",
                        List.of("modbus", "s5", "asena")),
                // docs/s5.md: interval minimum 5 s; fewer than 600 wave samples/s; one value fixes the level
                Arguments.of("devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed-01\ndevice.mon1.tcp=10.0.0.5:4001\n"
                        + "device.mon1.interval=4s", List.of("device.mon1.interval", "4s")),
                Arguments.of("devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed-01\ndevice.mon1.tcp=10.0.0.5:4001\n"
                        + "device.mon1.waves=ecg1,ecg2", List.of("device.mon1.waves", "ecg1,ecg2", "600")),
                Arguments.of("devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed-01\ndevice.mon1.tcp=10.0.0.5:4001\n"
                        + "device.mon1.driLevels=eleven", List.of("device.mon1.driLevels", "eleven")),
                // a typo in a protocol option does not pass silently either
                Arguments.of("devices=pump1\ndevice.pump1.protocol=asena\ndevice.pump1.bed=bed-01\ndevice.pump1.tcp=10.0.0.5:4001\n"
                        + "device.pump1.pollIntervall=2s", List.of("device.pump1.pollIntervall")));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueStopsTheStartWithExitTwoNamingTheSettingAndTheValue(String lines, List<String> named, @TempDir Path dir) throws Exception {
        // given a configuration file with one bad setting
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("station.properties"), base(data) + lines + "\n");
        // when the station is started with it
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Commands.execute(new Main(), new String[] {"--config",
                config.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), "the station started with: " + lines);
        // then it exits 2, says what is wrong, and started nothing
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, printed);
        assertTrue(printed.contains("error: configuration: "), printed);
        for (String part : named) {
            assertTrue(printed.contains(part), "'" + part + "' is not named in: " + printed);
        }
        assertFalse(Files.exists(data.resolve("audit")), "the audit trail was opened before the bad setting was found: " + printed);
    }

    @ParameterizedTest
    @MethodSource("fileValues")
    void aBadValueFromTheFileNamesTheFile(String lines, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("station.properties"), base(dir.resolve("data")) + lines + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Commands.execute(new Main(), new String[] {"--config",
                config.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, printed);
        assertTrue(printed.contains(config.toString()), "where the value came from is not named: " + printed);
    }

    @Test
    void aSerialDevicesDurationsTakeEveryUnitThePageLists() {
        // "durations take ms, s, m, h, d" (docs/configuration.md), also for device.NAME.* (docs/s5.md: retryAfter, interval)
        DeviceOptions o = new DeviceOptions("mon1", Map.of("retryAfter", "2h", "interval", "1d", "silence", "500ms", "x", "90s", "y", "3m"));
        Duration min = Duration.ofMillis(1);
        assertEquals(Duration.ofHours(2), o.duration("retryAfter", Duration.ZERO, min));
        assertEquals(Duration.ofDays(1), o.duration("interval", Duration.ZERO, min));
        assertEquals(Duration.ofMillis(500), o.duration("silence", Duration.ZERO, min));
        assertEquals(Duration.ofSeconds(90), o.duration("x", Duration.ZERO, min));
        assertEquals(Duration.ofMinutes(3), o.duration("y", Duration.ZERO, min));
    }

    static Stream<String> fileValues() {
        return Stream.of("mqtt.silentAfter=500ms", "tablet.codeValidity=31m",
                "devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed-01\ndevice.mon1.tcp=10.0.0.5:4001\ndevice.mon1.interval=4s",
                "devices=mon1\ndevice.mon1.protocol=s5\ndevice.mon1.bed=bed 01\ndevice.mon1.tcp=10.0.0.5:4001");
    }
}
