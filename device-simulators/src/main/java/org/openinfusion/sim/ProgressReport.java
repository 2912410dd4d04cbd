package org.openinfusion.sim;

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
        LOG.info("{} beds at +{} s simulated: published {} messages ({} samples), acknowledged {} ({} samples), "
                        + "outstanding {}",
                beds.bedIds().size(), beds.simulatedSeconds(), beds.publishedMessages(), beds.publishedValues(),
                beds.acknowledgedMessages(), beds.acknowledgedValues(), beds.outstandingMessages());
    }
}
