package org.openinfusion.sim.mqtt;

import java.util.List;

/** One device of a bed, stepped forwards in simulated time. */
interface SimulatedDevice {

    String id();

    /** The messages for everything the device measured before {@code targetMicros}. */
    List<OutgoingMessage> advanceTo(long targetMicros);
}
