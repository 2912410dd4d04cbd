package org.openinfusion.sim.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** A {@link SimulatedBed} wired to one MQTT client per device. */
public final class BedPublisher {

    private final SimulatedBed bed;
    private final Map<String, DevicePublisher> publishers = new LinkedHashMap<>();

    public BedPublisher(SimulatedBed bed, PublisherSettings settings, DeliveryTracker tracker,
                        ScheduledExecutorService control) {
        this.bed = bed;
        for (String device : bed.devices()) {
            publishers.put(device, new DevicePublisher(settings, bed.bedId(), device,
                    bed.status(device, true), bed.status(device, false), tracker, control));
        }
    }

    public SimulatedBed bed() {
        return bed;
    }

    public void connect() {
        publishers.values().forEach(DevicePublisher::connect);
    }

    public boolean isConnected() {
        return publishers.values().stream().allMatch(DevicePublisher::isConnected);
    }

    public boolean isAnyConnected() {
        return publishers.values().stream().anyMatch(DevicePublisher::isConnected);
    }

    /** Steps the bed to {@code target} and publishes what it produced, in order, per device. */
    public void advanceTo(Instant target) throws InterruptedException {
        for (OutgoingMessage message : bed.advanceTo(target)) {
            publishers.get(message.device()).publish(message);
        }
    }

    public void announceOffline() throws InterruptedException {
        for (DevicePublisher publisher : publishers.values()) {
            publisher.announceOffline();
        }
    }

    public void disconnect(Duration timeout) {
        publishers.values().forEach(publisher -> publisher.disconnect(timeout));
    }
}
