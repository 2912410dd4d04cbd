package org.openinfusion.sim.serial;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Where a simulated device is attached: it hands out one {@link Connection} at a time. */
public interface Transport extends Closeable {

    /** Blocks until a host can talk to the device (a pty opened, a TCP client accepted). */
    Connection open() throws IOException;

    /** Human-readable place, for logs. */
    String describe();

    /** A pty (or any character device) opened by path; the line settings are not enforced. */
    static Transport pty(Path path) {
        return new PtyTransport(path);
    }

    /** A "serial device server": listens on 127.0.0.1:{@code port} (0 picks a free one), one client at a time. */
    static TcpTransport tcp(int port) throws IOException {
        return new TcpTransport(port);
    }
}
