package org.openinfusion.station.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited tmpfs mounted on a fresh temporary folder (needs root, as on the project's machines), unmounted
 * and removed on close. {@link #mount} is empty, with the reason, where mounting is not possible.
 */
final class SmallFilesystem implements AutoCloseable {
    private final Path dir;

    private SmallFilesystem(Path dir) {
        this.dir = dir;
    }

    /** The mounted filesystem, or the reason it could not be mounted. */
    record Attempt(Optional<SmallFilesystem> filesystem, String problem) {
    }

    static Attempt mount(long bytes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("station-small-fs-");
        String result = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString()));
        if (!result.isEmpty()) {
            Files.delete(dir);
            return new Attempt(Optional.empty(), result);
        }
        return new Attempt(Optional.of(new SmallFilesystem(dir)), "");
    }

    Path dir() {
        return dir;
    }

    long free() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Runs a command; returns "" on success, else what it printed (or why it could not run). */
    private static String run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? "" : String.join(" ", command) + " failed (" + p.exitValue() + "): " + out;
        } catch (IOException e) {
            return String.join(" ", command) + " could not run: " + e.getMessage();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String result = run(List.of("umount", dir.toString()));
        if (!result.isEmpty()) {
            throw new IOException(result);
        }
        Files.delete(dir);
    }
}
