package org.openinfusion.sim.serial;

import java.time.Instant;

/**
 * The protocol side of a simulated serial device. A {@link SerialSimulator} calls it from one
 * thread at a time: with the bytes the host sent, and with regular ticks so it can send on its own.
 * Implementations do no I/O and read no clock: {@code now} comes from the simulator's clock.
 */
public interface SerialDevice {

    /** A host is now attached (a pty opened, a TCP client accepted). */
    default void connected(Instant now) {
    }

    /** Bytes from the host, in arrival order, in chunks of any size. */
    void received(byte[] bytes, Instant now, FrameSink out);

    /** Called every few milliseconds. */
    void tick(Instant now, FrameSink out);
}
