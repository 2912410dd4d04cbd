package org.openinfusion.dashboard.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StationMainHelpTest {
    @Test
    void helpPrintsTheUsageAndReturnsWithoutStartingAStation() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // a station would bind the default ports and wait for Ctrl-C: main returning is the proof it did not start
            StationMain.main(new String[] {"--help"});
        } finally {
            System.setOut(out);
        }
        String usage = printed.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: StationMain [--config FILE] [--simulate-beds N]"), usage);
        assertTrue(usage.contains("--simulate-beds N   start N simulated beds (0-"), usage);
    }
}
