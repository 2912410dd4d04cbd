package org.openinfusion.station.device.serial;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends a device session's raw bytes to a capture file (docs/raw-capture.md), one line per read or
 * write, flushed per line. A write failure is logged once and capture stops; the device keeps running.
 */
public final class RawCaptureWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RawCaptureWriter.class);

    private final Path file;
    private BufferedWriter out;

    private RawCaptureWriter(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Opens (appends to) the file and writes a comment naming the device and protocol. */
    public static RawCaptureWriter open(Path file, String comment) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        w.write("# " + comment.replace('\n', ' '));
        w.newLine();
        w.flush();
        return new RawCaptureWriter(file, w);
    }

    public synchronized void write(Instant time, CaptureLine.Direction direction, byte[] data, int offset, int length) {
        if (out == null) {
            return;
        }
        try {
            out.write(new CaptureLine(time, direction, Arrays.copyOfRange(data, offset, offset + length)).format());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            LOG.warn("raw capture to {} stopped: {}", file, e.toString());
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing raw capture {}: {}", file, e.toString());
            }
            out = null;
        }
    }
}
