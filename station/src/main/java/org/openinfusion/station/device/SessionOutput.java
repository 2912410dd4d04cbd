package org.openinfusion.station.device;

import org.openinfusion.station.domain.Observation;

/** Where a {@link DeviceSession} puts what it produced: values, bytes for the device, counted problems. */
public interface SessionOutput {
    void observation(Observation o);

    /** Bytes to send to the device (only requests its protocol allows; never pump programming). */
    void send(byte[] bytes);

    /** Something went wrong and was survived; counted by kind. {@code detail} never holds patient data. */
    void problem(Problem kind, String detail);
}
