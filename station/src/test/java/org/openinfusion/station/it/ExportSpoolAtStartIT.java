package org.openinfusion.station.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openinfusion.station.StationApp;
import org.openinfusion.station.testing.CapturedLog;

/** A station that starts deletes the EDF+ spool files an earlier run left in its data folder, and nothing else there. */
class ExportSpoolAtStartIT {
    @RegisterExtension
    static final RealServers SERVERS = new RealServers();

    @Test
    void spoolFilesLeftByAStopAreDeletedAtStart() throws Exception {
        Path data = SERVERS.newFolder("spool");
        Path spool = Files.createDirectories(data.resolve(StationApp.EXPORT_SPOOL));
        Path halfWritten = Files.writeString(spool.resolve("export-123.part"), "half an EDF+ file");
        Path neverFetched = Files.writeString(spool.resolve("export-456.part"), "an EDF+ file nobody fetched");
        Path other = Files.writeString(spool.resolve("README"), "not a spool file");

        try (CapturedLog log = new CapturedLog(StationApp.class);
             StationApp station = StationApp.start(StationFixture.config(StationFixture.settings(SERVERS, data, "station-spool")),
                     Clock.systemUTC(), Vertx.vertx())) {
            assertFalse(Files.exists(halfWritten));
            assertFalse(Files.exists(neverFetched));
            assertTrue(Files.exists(other), "only spool files are deleted");
            assertEquals(List.of("deleted 2 export spool file(s) left from an earlier run"),
                    log.containing("export spool"), log.lines().toString());
        }
    }
}
