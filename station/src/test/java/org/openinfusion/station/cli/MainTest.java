package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsTheUsageAndExitsZeroWithoutStartingTheStation() {
        // given the station's command line
        // when asked for help
        int code = run("--help");
        // then it prints the usage and returns instead of running
        assertEquals(0, code);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Usage: station [-hV] [--config=FILE]"), printed);
        assertTrue(printed.contains("Exit 0 stopped, 2 usage or configuration error."), printed);
    }

    @Test
    void anUnknownOptionOrAStrayArgumentExitsTwoWithTheProblem() {
        // given options the station does not know
        // when started with them
        int unknown = run("--confg", "station.properties");
        int stray = run("station.properties");
        // then it exits 2 and says what was wrong, with the usage
        assertEquals(2, unknown);
        assertEquals(2, stray);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("error: Unknown options: '--confg', 'station.properties'"), printed);
        assertTrue(printed.contains("Unmatched argument at index 0: 'station.properties'"), printed);
        assertTrue(printed.contains("Usage: station"), printed);
    }

    @Test
    void aBadConfigurationFileExitsTwoBeforeAnythingStarts() {
        // given a configuration file that does not exist
        // when the station is started with it
        int code = run("--config", "/nonexistent/station.properties");
        // then it exits 2 with the configuration problem
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("error: configuration: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aConfigurationWithoutADeviceRegistryExitsTwoNamingTheDevelopmentSetting(@TempDir Path dir) throws Exception {
        // given a configuration with no device registry (and no development setting)
        Path config = Files.writeString(dir.resolve("station.properties"), "station.dataDir=" + dir.resolve("data") + "\n");
        // when the station is started with it
        int code = run("--config", config.toString());
        // then it exits 2 with the reason and both ways out, having started nothing
        assertEquals(2, code);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("error: configuration: mqtt.deviceRegistry is not set"), printed);
        assertTrue(printed.contains("set mqtt.allowUnregisteredDevices=true"), printed);
        assertFalse(Files.exists(dir.resolve("data").resolve("audit")), "the audit trail was opened");
    }

    private int run(String... args) {
        return Commands.execute(new Main(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
