package org.openinfusion.sim;

import org.openinfusion.sim.mqtt.DeliveryTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one-line summary logged every few seconds while simulating. */
final class ProgressReport implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReport.class);

    private final SimulatedBeds beds;

    ProgressReport(SimulatedBeds beds) {
        this.beds = beds;
    }

    @Override
    public void run() {
        DeliveryTracker delivery = beds.delivery();
        LOG.info("{} beds at +{} s simulated: published {} messages ({} samples), acknowledged {} ({} samples), "
                        + "outstanding {}",
                beds.bedIds().size(), beds.simulatedSeconds(), delivery.publishedMessages(), delivery.publishedValues(),
                delivery.acknowledgedMessages(), delivery.acknowledgedValues(), delivery.outstanding());
    }
}
