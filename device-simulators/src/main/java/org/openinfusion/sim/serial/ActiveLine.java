package org.openinfusion.sim.serial;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection the host is on right now, if any: frames pass the byte-level faults on their way
 * out and are recorded; with no host attached they are lost, as on a real line.
 */
final class ActiveLine implements FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveLine.class);

    private final FaultyOutput output;
    private final CaptureRecorder recorder;
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile Connection current;

    ActiveLine(FaultyOutput output, CaptureRecorder recorder) {
        this.output = output;
        this.recorder = recorder;
    }

    void attach(Connection connection) {
        current = connection;
    }

    /** Forgets {@code connection} if it is still the current one. */
    void detach(Connection connection) {
        if (current == connection) {
            current = null;
        }
    }

    boolean isAttached(Connection connection) {
        return current == connection;
    }

    boolean isConnected() {
        return current != null;
    }

    long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public void send(byte[] frame) {
        Connection connection = current;
        byte[] bytes = output.apply(frame);
        if (connection == null || bytes.length == 0) {
            return;
        }
        try {
            connection.write(bytes);
            bytesSent.addAndGet(bytes.length);
            record(Direction.RX, bytes);
        } catch (IOException e) {
            LOG.warn("write to {} failed: {}", connection.describe(), e.toString());
            drop();
        }
    }

    void record(Direction direction, byte[] bytes) {
        if (recorder != null) {
            recorder.record(direction, bytes);
        }
    }

    /** Closes the current connection, if any; its reader then sees the end. */
    void drop() {
        Connection connection = current;
        current = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("close failed: {}", e.toString());
            }
        }
    }

    void close() throws IOException {
        drop();
        if (recorder != null) {
            recorder.close();
        }
    }
}
