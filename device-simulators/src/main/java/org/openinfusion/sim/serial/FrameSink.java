package org.openinfusion.sim.serial;

/** Where a device puts the frames it sends to the host. */
@FunctionalInterface
public interface FrameSink {

    void send(byte[] frame);
}
