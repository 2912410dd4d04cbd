package org.openinfusion.sim.serial;

import java.io.Closeable;
import java.io.IOException;

/** One open link to the host: a pty or a TCP client. */
interface Connection extends Closeable {

    /** Reads what the host sent, blocking; -1 when the host went away or the connection was closed. */
    int read(byte[] buffer) throws IOException;

    void write(byte[] bytes) throws IOException;

    String describe();
}
