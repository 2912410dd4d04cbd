package org.openinfusion.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** For folders a JUnit {@code @TempDir} cannot own (shared across test classes, made by an extension): delete them. */
public final class TempFolders {
    private TempFolders() {
    }

    /** Deletes the folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A new folder in the system temp directory, deleted when the JVM exits (with what is in it then). */
    public static Path deletedOnExit(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteTree(dir);
            } catch (IOException e) {
                // best effort at exit: the folder stays, nothing else depends on it
            }
        }, "delete-" + prefix));
        return dir;
    }
}
