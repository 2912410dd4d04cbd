package org.openinfusion.sim.serial;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device that sends the device-to-host (RX) chunks of a capture with their original timing,
 * starting when the first host connects; TX chunks and whatever the host sends are ignored.
 */
public final class CaptureReplay implements SerialDevice {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureReplay.class);

    private final List<CaptureChunk> received;
    private final Instant firstInFile;
    private Instant start;
    private volatile int next;

    public CaptureReplay(List<CaptureChunk> chunks) {
        this.received = chunks.stream().filter(c -> c.direction() == Direction.RX).toList();
        this.firstInFile = chunks.isEmpty() ? Instant.EPOCH : chunks.get(0).at();
    }

    @Override
    public void connected(Instant now) {
        if (start == null) {
            start = now;
            LOG.info("replaying {} RX chunks", received.size());
        }
    }

    @Override
    public void received(byte[] bytes, Instant now, FrameSink out) {
        LOG.debug("replay ignores {} bytes from the host", bytes.length);
    }

    @Override
    public void tick(Instant now, FrameSink out) {
        if (start == null) {
            return;
        }
        Duration elapsed = Duration.between(start, now);
        while (next < received.size()
                && Duration.between(firstInFile, received.get(next).at()).compareTo(elapsed) <= 0) {
            out.send(received.get(next++).bytes());
        }
    }

    /** True when every RX chunk has been sent. */
    public boolean finished() {
        return next == received.size();
    }
}
