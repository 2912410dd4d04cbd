package org.openinfusion.station.device;

import java.time.Instant;

/**
 * One device's protocol logic, pure: bytes and times in, observations and requests out through a
 * {@link SessionOutput}. No threads, no I/O, no clock: the transport (device.serial) calls it from
 * one thread and passes the time. One session lives as long as the station runs, across reconnects,
 * so sequence numbers keep growing.
 */
public interface DeviceSession {
    /** The link (re)opened: drop any partial frame and send the start-up requests. */
    void connected(Instant now, SessionOutput out);

    /** Bytes arrived from the device. */
    void received(byte[] data, int offset, int length, Instant now, SessionOutput out);

    /** Called at least every few hundred milliseconds: polls, timeouts, retries. */
    void tick(Instant now, SessionOutput out);
}
