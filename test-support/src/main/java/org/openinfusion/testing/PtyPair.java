package org.openinfusion.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A serial cable for tests: a linked pair of ptys made by socat, {@code ttyA} and {@code ttyB} in a folder. One side
 * opens each end; {@link #close} kills socat (the cable pulled). socat's output is appended to {@code socat.log}.
 */
public final class PtyPair implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(10);

    private final Process socat;
    private final Path dir;

    private PtyPair(Process socat, Path dir) {
        this.socat = socat;
        this.dir = dir;
    }

    /** A pair whose ends close when the other side closes its end. */
    public static PtyPair open(Path dir) throws IOException, InterruptedException {
        return open(dir, false);
    }

    /**
     * A pair in {@code dir} (replacing links left by an earlier pair there), once both ends exist. With
     * {@code ignoreEof} an end stays open when the other side closes it (a killed program finds its port again).
     */
    public static PtyPair open(Path dir, boolean ignoreEof) throws IOException, InterruptedException {
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        String options = "pty,raw,echo=0" + (ignoreEof ? ",ignoreeof" : "");
        List<String> cmd = new ArrayList<>(List.of("socat", "-d", "-d", options + ",link=" + a, options + ",link=" + b));
        Path log = dir.resolve("socat.log");
        Process socat = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            Eventually.waitUntil(START, "socat's pty pair in " + dir, () -> {
                if (!socat.isAlive()) {
                    throw new IllegalStateException("socat exited with " + socat.exitValue() + ": " + read(log));
                }
                return Files.exists(a) && Files.exists(b);
            });
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            socat.destroyForcibly();
            throw e;
        }
        return new PtyPair(socat, dir);
    }

    public Path ttyA() {
        return dir.resolve("ttyA");
    }

    public Path ttyB() {
        return dir.resolve("ttyB");
    }

    public boolean isAlive() {
        return socat.isAlive();
    }

    /** Pulls the cable: socat ends, both ends go away. */
    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
