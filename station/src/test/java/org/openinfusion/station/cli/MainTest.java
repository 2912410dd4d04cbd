package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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

    private int run(String... args) {
        return Commands.execute(new Main(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
