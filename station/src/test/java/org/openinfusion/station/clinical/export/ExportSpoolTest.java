package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export spool folder: new files in it, and the sweep at start that removes what an earlier run left. */
class ExportSpoolTest {
    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theSweepDeletesSpoolFilesLeftBehindAndNothingElse() throws IOException {
        ExportSpool spool = new ExportSpool(dir.resolve("export-spool"));
        Path left = spool.create();
        Path alsoLeft = spool.create();
        Files.writeString(left, "half-written EDF+");
        Path other = Files.writeString(spool.dir().resolve("notes.txt"), "not ours");
        assertTrue(left.getFileName().toString().endsWith(".part"));

        assertEquals(2, spool.sweep());

        assertFalse(Files.exists(left));
        assertFalse(Files.exists(alsoLeft));
        assertEquals(List.of("notes.txt"), names(spool.dir()), "a file that is not a spool file stays");
        assertTrue(Files.exists(other));
        assertEquals(0, spool.sweep(), "nothing more to sweep");
    }

    @Test
    void aMissingFolderHasNothingToSweepAndIsMadeOnTheFirstExport() throws IOException {
        ExportSpool spool = new ExportSpool(dir.resolve("data").resolve("export-spool"));
        assertEquals(0, spool.sweep());
        assertFalse(Files.exists(spool.dir()));

        Path file = spool.create();

        assertEquals(spool.dir(), file.getParent());
        assertEquals(0, Files.size(file));
    }
}
