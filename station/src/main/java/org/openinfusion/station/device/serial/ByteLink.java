package org.openinfusion.station.device.serial;

import java.io.IOException;

/** An open byte link to one device: a serial port or a TCP connection to a serial device server. */
public interface ByteLink extends AutoCloseable {
    /**
     * Reads what is available, waiting at most about {@link LinkOpener#READ_TIMEOUT_MILLIS}.
     * Returns the byte count (0 when nothing came) or -1 when the link is gone.
     */
    int read(byte[] buffer) throws IOException;

    void write(byte[] data) throws IOException;

    @Override
    void close();
}
