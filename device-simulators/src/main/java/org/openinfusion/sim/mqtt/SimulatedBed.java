package org.openinfusion.sim.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.openinfusion.sim.signal.BedEvent;
import org.openinfusion.sim.signal.InfusionPlan;
import org.openinfusion.sim.signal.Pump;
import org.openinfusion.sim.signal.SimulatedPatient;

/**
 * One bed, a monitor and a pump, as MQTT messages over simulated time. Pure and clock-free: the
 * caller says how far to go, {@link #advanceTo} returns what the devices sent since the previous
 * call. Sample {@code i} of a stream is taken at {@code start + i / rate}; everything strictly
 * before the target is sent, so advancing 10 s from the start gives exactly 5000 samples per ECG
 * lead, 1250 pleth, 625 CO2 and 10 values of each numeric stream (NIBP: one per 5 min).
 *
 * <p>Events (a scenario's timeline, {@link #schedule}) are applied at their exact simulation time:
 * the devices are stepped to it, the event changes the patient or pump, stepping goes on. A
 * command given now ({@link #applyNow}) takes effect at the current position.
 *
 * <p>Not thread-safe for stepping and commands (callers hold one lock); the counters may be read
 * from any thread.
 */
public final class SimulatedBed {
    /** The devices of every simulated bed, as they appear in topics (a broker account each). */
    public static final List<String> DEVICE_IDS = List.of(MonitorDevice.ID, PumpDevice.ID);


    public static final String MONITOR = MonitorDevice.ID;
    public static final String PUMP = PumpDevice.ID;

    private final String bedId;
    private final Instant start;
    private final Topics topics;
    private final SequenceCounters counters = new SequenceCounters();
    private final SimulatedPatient patient;
    private final List<SimulatedDevice> devices;
    private final List<BedEvent.Timed> pending = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private volatile Instant position;

    /**
     * @param bedId bed id, {@code [A-Za-z0-9_-]{1,32}}
     * @param seed the patient's seed: the same seed gives byte-identical messages
     * @param start simulation time 0 (truncated to the microsecond)
     * @param topicPrefix e.g. {@code station/v1}
     * @param plan the infusion the pump runs and the patient responds to
     */
    public SimulatedBed(String bedId, long seed, Instant start, String topicPrefix, InfusionPlan plan) {
        this(bedId, start, topicPrefix, new SimulatedPatient(seed, Objects.requireNonNull(plan, "plan")));
    }

    /**
     * A bed whose patient is {@code patient} (its pump idle or running a plan, its drug chosen).
     *
     * @param start simulation time 0 (truncated to the microsecond)
     */
    public SimulatedBed(String bedId, Instant start, String topicPrefix, SimulatedPatient patient) {
        this(bedId, start, topicPrefix, patient, true);
    }

    /**
     * The same, its monitor sending numerics only when {@code waveforms} is false (the same numerics: they do not
     * depend on the waveforms).
     */
    public SimulatedBed(String bedId, Instant start, String topicPrefix, SimulatedPatient patient, boolean waveforms) {
        this.bedId = bedId;
        this.start = start.truncatedTo(ChronoUnit.MICROS);
        this.topics = new Topics(topicPrefix, bedId);
        this.patient = patient;
        long startMicros = toMicros(this.start);
        this.devices = List.of(
                new MonitorDevice(patient, startMicros, topics, counters, waveforms),
                new PumpDevice(patient, startMicros, topics, counters));
        this.position = this.start;
    }

    /** Applies {@code event} at simulation second {@code seconds} (not before the current position). */
    public void schedule(BedEvent.Timed event) {
        if (event.seconds() < seconds(position)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s at %.0f s is in the past (the bed is at %.0f s)", event.event().describe(), event.seconds(),
                    seconds(position)));
        }
        pending.add(event);
        pending.sort(Comparator.comparingDouble(BedEvent.Timed::seconds));
    }

    /** Drops every event not yet applied (a scenario stopped). */
    public void cancelScheduled() {
        pending.clear();
    }

    /** Events waiting for their time. */
    public List<BedEvent.Timed> scheduled() {
        return List.copyOf(pending);
    }

    /** Applies {@code event} at the current position; the pump's refusal comes back as an exception. */
    public void applyNow(BedEvent event) {
        double t = seconds(position);
        event.apply(patient, t);
        log.add(String.format(Locale.ROOT, "%.1f s: %s", t, event.describe()));
    }

    /** What was applied so far, oldest first ("12.0 s: start pump"); events the pump refused say so. */
    public List<String> eventLog() {
        return List.copyOf(log);
    }

    public SimulatedPatient patient() {
        return patient;
    }

    /** Seconds of simulation time at {@code instant}. */
    public double seconds(Instant instant) {
        return ChronoUnit.MICROS.between(start, instant) / 1e6;
    }

    /** Messages for everything measured in [previous position, target); none if target is not ahead. */
    public List<OutgoingMessage> advanceTo(Instant target) {
        if (!target.isAfter(position)) {
            return List.of();
        }
        List<OutgoingMessage> messages = new ArrayList<>();
        while (!pending.isEmpty() && start.plusNanos(Math.round(pending.get(0).seconds() * 1e9)).isBefore(target)) {
            BedEvent.Timed next = pending.remove(0);
            Instant at = start.plusNanos(Math.round(next.seconds() * 1e9)).truncatedTo(ChronoUnit.MICROS);
            step(at, messages);
            try {
                applyNow(next.event());
            } catch (IllegalStateException | IllegalArgumentException e) {
                log.add(String.format(Locale.ROOT, "%.1f s: %s refused: %s", seconds(position),
                        next.event().describe(), e.getMessage()));
            }
        }
        step(target, messages);
        return messages;
    }

    private void step(Instant target, List<OutgoingMessage> messages) {
        if (!target.isAfter(position)) {
            return;
        }
        long targetMicros = toMicros(target);
        for (SimulatedDevice device : devices) {
            messages.addAll(device.advanceTo(targetMicros));
        }
        position = target;
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
