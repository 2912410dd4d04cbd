package org.openinfusion.station.process;

import java.io.IOException;

/**
 * A server could not bind a port that {@link FreePort#find()} had found free: another process took it in between
 * (the port was answering before launch, or the server's log says the address was already in use).
 */
public final class PortTakenException extends IOException {
    public PortTakenException(String message) {
        super(message);
    }
}
