package org.openinfusion.sim.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A linked pty pair made by socat for tests: the simulator opens {@link #deviceEnd()}, the test the other. */
public final class PtyPair implements AutoCloseable {

    private final Process socat;
    private final Path dir;

    public PtyPair(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + deviceEnd(), "pty,raw,echo=0,link=" + hostEnd())
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long end = System.nanoTime() + 5_000_000_000L;
        while (!(Files.exists(deviceEnd()) && Files.exists(hostEnd()))) {
            if (System.nanoTime() > end || !socat.isAlive()) {
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(10);
        }
    }

    public Path deviceEnd() {
        return dir.resolve("ttyA");
    }

    public Path hostEnd() {
        return dir.resolve("ttyB");
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        socat.waitFor();
    }
}
