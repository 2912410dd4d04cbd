package org.openinfusion.station.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskSpaceTest {
    private static final Path DATA = Path.of("/srv/station");
    private static final Path BUFFER = Path.of("/buffer");

    private final Map<Path, Long> free = new HashMap<>();
    private final DiskSpace disk = new DiskSpace(List.of(DATA, BUFFER), 1000, folder -> {
        Long bytes = free.get(folder);
        if (bytes == null) {
            throw new IOException("gone");
        }
        return bytes;
    });

    @Test
    void theFolderWithTheLeastFreeSpaceDecidesAndLowMeansBelowTheThreshold() {
        free.put(DATA, 5000L);
        free.put(BUFFER, 1000L);
        assertFalse(disk.check().low());
        free.put(BUFFER, 999L);
        DiskSpace.Reading r = disk.check();
        assertTrue(r.low());
        assertEquals(BUFFER, r.folder());
        assertEquals(999, r.freeBytes());
    }

    @Test
    void lowClearsOnlyWhenTheFreeSpaceIsATenthAboveTheThreshold() {
        free.put(DATA, 900L);
        free.put(BUFFER, 5000L);
        assertTrue(disk.check().low());
        free.put(DATA, 1099L);
        assertTrue(disk.check().low());
        free.put(DATA, 1100L);
        assertFalse(disk.check().low());
        free.put(DATA, 1050L);
        assertFalse(disk.check().low());
    }

    @Test
    void aFolderWhoseFreeSpaceCannotBeReadCountsAsFull() {
        free.put(DATA, 5000L);
        DiskSpace.Reading r = disk.check();
        assertTrue(r.low());
        assertEquals(BUFFER, r.folder());
        assertEquals(0, r.freeBytes());
    }

    @Test
    void aRealFolderThatDoesNotExistYetIsMeasuredOnItsNearestParent() {
        DiskSpace real = DiskSpace.of(List.of(Path.of(System.getProperty("java.io.tmpdir"), "not-made-" + System.nanoTime(), "data")), 1);
        DiskSpace.Reading r = real.check();
        assertFalse(r.low());
        assertTrue(r.freeBytes() > 0);
    }
}
