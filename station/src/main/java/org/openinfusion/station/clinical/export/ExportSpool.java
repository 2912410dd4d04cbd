package org.openinfusion.station.clinical.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The folder where exports too long to hold in memory (EDF+) are written before their download: one
 * {@code export-*.part} file per export, deleted once sent, when the download fails or is abandoned, and at the
 * next start ({@link #sweep}) for any a stop left behind. The station's is {@code <dataDir>/export-spool}.
 */
public final class ExportSpool {
    private static final String PREFIX = "export-";
    private static final String SUFFIX = ".part";

    private final Path dir;

    public ExportSpool(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** A spool in the system's temporary folder, never swept (tests and tools that run no station). */
    public static ExportSpool temporary() {
        return new ExportSpool(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public Path dir() {
        return dir;
    }

    /** A new empty spool file (the folder is made when missing). */
    public Path create() throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, PREFIX, SUFFIX);
        file.toFile().deleteOnExit();
        return file;
    }

    /**
     * Deletes every spool file in the folder: call at start, before any export, when no file there can be in use.
     * Other files are left alone. Returns how many were deleted.
     */
    public int sweep() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
