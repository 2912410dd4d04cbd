package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.broker.MqttPasswords;

class MqttAccountsMainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void hashPrintsAMosquittoHashOfThePasswordRead() {
        assertEquals(0, MqttAccountsMain.run(new String[] {"--hash"}, "device-secret"::toCharArray, print, print));
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(MqttPasswords.matches("device-secret".toCharArray(), hash), hash);
    }

    @Test
    void mosquittoWritesThePasswordAndAclFilesOfTheConfiguredRegistryAndStationAccount() throws Exception {
        String deviceHash = MqttPasswords.hash("monitor-pw".toCharArray());
        Path registry = Files.writeString(dir.resolve("devices.registry"), "mon-1 = bed-01/monitor " + deviceHash + "\n");
        Path config = Files.writeString(dir.resolve("station.properties"),
                "mqtt.deviceRegistry=" + registry + "\nmqtt.username=station\nstation.dataDir=" + dir.resolve("data") + "\n");
        Path out = dir.resolve("mosquitto");
        assertEquals(0, MqttAccountsMain.run(new String[] {"--mosquitto", out.toString(), "--config", config.toString()},
                "station-secret"::toCharArray, print, print));
        List<String> passwd = Files.readAllLines(out.resolve("passwd"));
        assertEquals(2, passwd.size());
        assertTrue(MqttPasswords.matches("station-secret".toCharArray(), passwd.get(0).substring("station:".length())));
        assertEquals("mon-1:" + deviceHash, passwd.get(1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("passwd"))));
        assertTrue(Files.readString(out.resolve("acl")).contains("user mon-1\ntopic write station/v1/beds/bed-01/devices/monitor/#"));
        assertTrue(this.out.toString(StandardCharsets.UTF_8).contains("allow_anonymous false"));
    }

    @Test
    void neitherOrBothModesAndAShortPasswordAreUsageErrors() {
        assertEquals(2, MqttAccountsMain.run(new String[0], "long-enough"::toCharArray, print, print));
        assertEquals(2, MqttAccountsMain.run(new String[] {"--hash", "--mosquitto", "x"}, "long-enough"::toCharArray, print, print));
        assertEquals(2, MqttAccountsMain.run(new String[] {"--hash"}, "short"::toCharArray, print, print));
    }
}
