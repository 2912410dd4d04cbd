package org.openinfusion.station.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free space where the station writes (the data folder with the audit file and dead letters, and the durable
 * buffer's folder). Low when any of them has less than the threshold free; low again only after it was back
 * above the threshold plus a tenth (so a buffer draining and filling around the line does not flap the alarm).
 * {@link #check} asks the file system (a statfs; call it off the event loops); {@link #latest} is the last answer.
 */
public final class DiskSpace {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpace.class);

    /** How free space is read; replaced in tests. */
    public interface FreeSpace {
        long usableBytes(Path folder) throws IOException;
    }

    /** The folder with the least free space when checked, how much, and whether that counts as low. */
    public record Reading(Path folder, long freeBytes, long thresholdBytes, boolean low) {
    }

    private final List<Path> folders;
    private final long thresholdBytes;
    private final FreeSpace freeSpace;
    private volatile Reading latest;

    public DiskSpace(List<Path> folders, long thresholdBytes, FreeSpace freeSpace) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no folder to watch");
        }
        this.folders = List.copyOf(folders);
        this.thresholdBytes = thresholdBytes;
        this.freeSpace = freeSpace;
        this.latest = new Reading(this.folders.getFirst(), Long.MAX_VALUE, thresholdBytes, false);
    }

    /** Watches the file systems of {@code folders} (or of their nearest existing parents). */
    public static DiskSpace of(List<Path> folders, long thresholdBytes) {
        return new DiskSpace(folders, thresholdBytes, folder -> Files.getFileStore(existing(folder)).getUsableSpace());
    }

    private static Path existing(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? Path.of("/") : p;
    }

    /** Reads the free space now and returns (and keeps) the result. A folder that cannot be read counts as having none. */
    public synchronized Reading check() {
        Path least = folders.getFirst();
        long leastFree = Long.MAX_VALUE;
        for (Path folder : folders) {
            long free;
            try {
                free = freeSpace.usableBytes(folder);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot read the free space of {}: {}", folder, e.toString());
                free = 0;
            }
            if (free < leastFree) {
                least = folder;
                leastFree = free;
            }
        }
        boolean wasLow = latest.low();
        boolean low = wasLow ? leastFree < thresholdBytes + thresholdBytes / 10 : leastFree < thresholdBytes;
        latest = new Reading(least, leastFree, thresholdBytes, low);
        return latest;
    }

    public Reading latest() {
        return latest;
    }
}
