package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.config.InfluxConfig;
import org.openinfusion.station.testing.StationProcess;
import org.openinfusion.testing.Eventually;

/**
 * SIGTERM (a service manager's stop, Ctrl-C) while the station is still starting leaves no process it started running: the
 * private influxd it had just launched is stopped by the managed processes' exit hook, although no launcher's shutdown
 * hook exists yet. (Before, that influxd was orphaned and kept its port and data folder.) The test sends SIGTERM the
 * moment the influxd process exists, often before {@code ProcessBuilder.start()} has returned in the station: a start
 * and its registration for the exit hook are one step ({@code ExitStops}), so that moment orphans nothing either.
 */
class StopDuringStartIT {
    @TempDir
    Path dir;

    @Test
    void aStationStoppedWhileStartingLeavesNoInfluxdOrOtherChildRunning() throws Exception {
        Path log = dir.resolve("station.log");
        StationProcess station = StationProcess.launch(Map.of("mqtt.url", "embedded", "mqtt.allowUnregisteredDevices", "true",
                "influx.url", InfluxConfig.MANAGED, "station.dataDir", dir.resolve("data").toString()), log,
                StationProcess.Options.defaults());
        // the moment its influxd runs, the station is still starting (the embedded broker, the store's users, the verticles)
        Eventually.waitUntil(Duration.ofSeconds(60), "the station's influxd launched (log: " + log + ")",
                () -> station.children().stream().anyMatch(StopDuringStartIT::isInfluxd));
        List<ProcessHandle> children = station.children();
        List<ProcessHandle> influxd = children.stream().filter(StopDuringStartIT::isInfluxd).toList();
        station.terminate();

        assertTrue(station.ended(Duration.ofSeconds(60)), "the station ended after SIGTERM (log: " + log + ")");
        String written = Files.readString(log);
        Assumptions.assumeFalse(written.contains(" running: broker "),
                "the station had finished starting before SIGTERM arrived: not the case under test");
        Eventually.waitUntil(Duration.ofSeconds(10), () -> "every child stopped; still running: "
                + children.stream().filter(ProcessHandle::isAlive).map(StopDuringStartIT::describe).toList() + " (log: " + log + ")",
                () -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertEquals(1, influxd.size(), "the influxd was among the children: " + children);
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().commandLine().orElse("?");
    }

    private static boolean isInfluxd(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("influxd")).orElse(false);
    }
}
