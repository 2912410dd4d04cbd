package org.openinfusion.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsProduceAWorkingConfiguration() {
        StationConfig c = StationConfig.from(Settings.defaultsWith(Map.of()));
        assertEquals("station/v1", c.mqtt().topicPrefix());
        assertEquals(8L << 30, c.buffer().maxBytes());
        assertEquals(Duration.ofSeconds(5), c.health().publishInterval());
        assertTrue(c.buffer().dir().endsWith("buffer"));
    }

    @Test
    void reviewAndExportsReadWithTheReadOnlyUserFromTheEnvironmentWhenOneIsGiven() {
        Settings s = Settings.load(null, Map.of("STATION_INFLUX_USERNAME", "writer", "STATION_INFLUX_PASSWORD", "w-secret",
                "STATION_INFLUX_READUSERNAME", "auditor", "STATION_INFLUX_READPASSWORD", "r-secret"), new Properties());
        InfluxConfig c = StationConfig.from(s).influx();
        assertEquals("writer", c.username());
        assertEquals("auditor", c.forReading().username());
        assertEquals("r-secret", c.forReading().password());
        assertFalse(c.toString().contains("secret"), "credentials never in a logged configuration: " + c);
        InfluxConfig oneUser = StationConfig.from(Settings.defaultsWith(Map.of("influx.username", "writer",
                "influx.password", "w-secret"))).influx();
        assertEquals(oneUser, oneUser.forReading(), "without a read-only user review reads with the writing one");
    }

    @Test
    void fileThenEnvironmentThenSystemPropertyWin() throws IOException {
        Path file = dir.resolve("station.properties");
        Files.writeString(file, "mqtt.topicPrefix=site/a\nbuffer.maxBytes=512MiB\nhealth.logInterval=2m\n");
        Properties sys = new Properties();
        sys.setProperty("station.health.logInterval", "30s");
        Settings s = Settings.load(file, Map.of("STATION_BUFFER_MAXBYTES", "1GiB"), sys);
        StationConfig c = StationConfig.from(s);
        assertEquals("site/a", c.mqtt().topicPrefix());
        assertEquals(1L << 30, c.buffer().maxBytes());
        assertEquals(Duration.ofSeconds(30), c.health().logInterval());
    }

    @Test
    void errorsNameTheSettingTheValueAndWhereItCameFrom() throws IOException {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "mqtt.maxPayloadBytes=lots\n");
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.from(Settings.load(file, Map.of(), new Properties())));
        assertTrue(e.getMessage().contains("mqtt.maxPayloadBytes = 'lots'"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void unknownKeysInAFileAreRefused() throws IOException {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "mqtt.urll=tcp://x:1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.load(file, Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("mqtt.urll"));
    }

    @Test
    void malformedValuesAreRefused() {
        assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("mqtt.url", "http://x"))));
        assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("influx.retentionDuration", "forever"))));
        assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("buffer.warnFraction", "1.5"))));
        assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("buffer.segmentBytes", "16GiB"))));
        assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("health.logInterval", "soon"))));
        assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("mqtt.topicPrefix", "a/#"))));
        ConfigException tlsOnTcp = assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(
                Map.of("mqtt.url", "tcp://127.0.0.1:1883", "mqtt.caFile", "/etc/ca.pem"))));
        assertTrue(tlsOnTcp.getMessage().contains("mqtt.caFile"), tlsOnTcp.getMessage());
        assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("mqtt.deviceRegistry", "/no/such/registry"))));
    }

    @Test
    void theEmbeddedBrokerPersistsOnDiskUnlessInMemoryIsAskedForAndNothingElseIsAccepted() {
        assertFalse(StationConfig.from(Settings.defaultsWith(Map.of())).mqtt().embeddedInMemory(), "on disk by default");
        assertTrue(StationConfig.from(Settings.defaultsWith(Map.of("mqtt.embeddedPersistence", "in-memory"))).mqtt().embeddedInMemory());
        assertFalse(StationConfig.from(Settings.defaultsWith(Map.of("mqtt.embeddedPersistence", "file"))).mqtt().embeddedInMemory());
        ConfigException e = assertThrows(ConfigException.class,
                () -> StationConfig.from(Settings.defaultsWith(Map.of("mqtt.embeddedPersistence", "memory"))));
        assertTrue(e.getMessage().contains("mqtt.embeddedPersistence"), e.getMessage());
    }

    @Test
    void theMqttPasswordNeverAppearsInTheSettingsText() {
        StationConfig c = StationConfig.from(Settings.defaultsWith(Map.of("mqtt.username", "station", "mqtt.password", "hunter2-secret")));
        assertTrue(!c.toString().contains("hunter2-secret") && c.mqtt().toString().contains("password=(set)"), c.mqtt().toString());
    }

    @Test
    void theSitesTimeZoneAndWordingFileAreTypedAndCheckedAtStartUp() {
        StationConfig berlin = StationConfig.from(Settings.defaultsWith(Map.of("site.timeZone", "Europe/Berlin")));
        assertEquals(ZoneId.of("Europe/Berlin"), berlin.site().timeZone());
        assertEquals(Optional.empty(), berlin.site().wording());
        assertEquals(ZoneId.systemDefault(), StationConfig.from(Settings.defaultsWith(Map.of())).site().timeZone(), "empty: the host's zone");
        ConfigException zone = assertThrows(ConfigException.class, () -> StationConfig.from(Settings.defaultsWith(Map.of("site.timeZone", "Mars/Olympus"))));
        assertTrue(zone.getMessage().contains("site.timeZone"), zone.getMessage());
        ConfigException file = assertThrows(ConfigException.class,
                () -> StationConfig.from(Settings.defaultsWith(Map.of("site.wording", "/nonexistent/site-wording.properties"))));
        assertTrue(file.getMessage().contains("no readable file at /nonexistent/site-wording.properties"), file.getMessage());
    }
}
