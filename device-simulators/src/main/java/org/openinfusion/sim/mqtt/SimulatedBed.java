package org.openinfusion.sim.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openinfusion.sim.signal.InfusionPlan;
import org.openinfusion.sim.signal.SimulatedPatient;

/**
 * One bed, a monitor and a pump, as MQTT messages over simulated time. Pure and clock-free: the
 * caller says how far to go, {@link #advanceTo} returns what the devices sent since the previous
 * call. Sample {@code i} of a stream is taken at {@code start + i / rate}; everything strictly
 * before the target is sent, so advancing 10 s from the start gives exactly 5000 samples per ECG
 * lead, 1250 pleth, 625 CO2 and 10 values of each numeric stream (NIBP: one per 5 min).
 *
 * <p>Not thread-safe for stepping; the counters may be read from any thread.
 */
public final class SimulatedBed {

    public static final String MONITOR = MonitorDevice.ID;
    public static final String PUMP = PumpDevice.ID;

    private final String bedId;
    private final Instant start;
    private final Topics topics;
    private final SequenceCounters counters = new SequenceCounters();
    private final List<SimulatedDevice> devices;
    private volatile Instant position;

    /**
     * @param bedId bed id, {@code [A-Za-z0-9_-]{1,32}}
     * @param seed the patient's seed: the same seed gives byte-identical messages
     * @param start simulation time 0 (truncated to the microsecond)
     * @param topicPrefix e.g. {@code station/v1}
     * @param plan the infusion the pump runs and the patient responds to
     */
    public SimulatedBed(String bedId, long seed, Instant start, String topicPrefix, InfusionPlan plan) {
        this.bedId = bedId;
        this.start = start.truncatedTo(ChronoUnit.MICROS);
        this.topics = new Topics(topicPrefix, bedId);
        SimulatedPatient patient = new SimulatedPatient(seed, Objects.requireNonNull(plan, "plan"));
        long startMicros = toMicros(this.start);
        this.devices = List.of(
                new MonitorDevice(patient, startMicros, topics, counters),
                new PumpDevice(patient, startMicros, topics, counters));
        this.position = this.start;
    }

    /** Messages for everything measured in [previous position, target); none if target is not ahead. */
    public List<OutgoingMessage> advanceTo(Instant target) {
        if (!target.isAfter(position)) {
            return List.of();
        }
        long targetMicros = toMicros(target);
        List<OutgoingMessage> messages = new ArrayList<>();
        for (SimulatedDevice device : devices) {
            messages.addAll(device.advanceTo(targetMicros));
        }
        position = target;
        return messages;
    }

    public List<OutgoingMessage> advanceBy(Duration step) {
        return advanceTo(position.plus(step));
    }

    /** The retained status message of {@code device}. */
    public OutgoingMessage status(String device, boolean online) {
        return OutgoingMessage.status(device, topics.status(device), online);
    }

    /** Samples (waveforms) or values (numerics) produced so far for a stream, by wire name. */
    public long produced(String stream) {
        return counters.count(stream);
    }

    /** Counts of every stream produced so far, by wire name. */
    public Map<String, Long> producedCounts() {
        return counters.snapshot();
    }

    public List<String> devices() {
        return devices.stream().map(SimulatedDevice::id).toList();
    }

    public String bedId() {
        return bedId;
    }

    public Topics topics() {
        return topics;
    }

    /** Simulation time 0. */
    public Instant start() {
        return start;
    }

    /** How far the bed has been advanced. */
    public Instant position() {
        return position;
    }

    static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
