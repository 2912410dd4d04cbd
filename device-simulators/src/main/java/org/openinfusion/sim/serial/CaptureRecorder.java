package org.openinfusion.sim.serial;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what crosses the line to a raw capture file, as it happens. */
final class CaptureRecorder implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureRecorder.class);

    private final BufferedWriter writer;
    private final Clock clock;
    private boolean failed;

    CaptureRecorder(Path file, Clock clock) throws IOException {
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.clock = clock;
        writer.write("# raw capture: <instant> <RX device->host | TX host->device> <hex>\n");
    }

    synchronized void record(Direction direction, byte[] bytes) {
        if (bytes.length == 0 || failed) {
            return;
        }
        try {
            writer.write(CaptureFormat.format(new CaptureChunk(clock.instant(), direction, bytes)));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            failed = true;
            LOG.warn("capture recording stopped: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
