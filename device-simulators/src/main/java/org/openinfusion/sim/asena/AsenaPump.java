package org.openinfusion.sim.asena;

import java.time.Duration;
import java.time.Instant;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.FaultSwitches;
import org.openinfusion.sim.serial.FrameSink;
import org.openinfusion.sim.serial.SerialDevice;
import org.openinfusion.sim.signal.EventTimeline;
import org.openinfusion.sim.signal.InfusionPlan;
import org.openinfusion.sim.signal.Pump;
import org.openinfusion.sim.signal.PumpAlarm;
import org.openinfusion.sim.signal.PumpState;
import org.openinfusion.sim.signal.PumpStatus;
import org.openinfusion.sim.signal.SimulatedPatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BD Alaris Asena GH/CC on its ASCII interface: answers each request frame with one response
 * frame and never speaks first. Simulation time 0 = {@code start}. The pump is the simulated
 * patient's: it runs an infusion plan, or follows a scenario's timeline (programmed, started,
 * halted by an occlusion...), which is advanced to each request's time. A fault switched on at the
 * serial level (occlusion, air in line) shows over whatever the pump itself reports.
 */
public final class AsenaPump implements SerialDevice {

    private static final Logger LOG = LoggerFactory.getLogger(AsenaPump.class);
    private static final int LINE_PRESSURE_MMHG = 40;
    private static final int OCCLUDED_PRESSURE_MMHG = 600;

    private final AsenaSettings settings;
    private final Pump pump;
    private final EventTimeline timeline;
    private final FaultSwitches faults;
    private final Instant start;
    private final AsenaFrameReader reader = new AsenaFrameReader();
    private PumpState lastState;
    private PumpAlarm lastAlarm;
    private long logId;

    public AsenaPump(InfusionPlan plan, AsenaSettings settings, FaultSwitches faults, Instant start) {
        this(EventTimeline.none(new SimulatedPatient(0, plan)), settings, faults, start);
    }

    /** The pump of {@code timeline}'s patient, following the timeline. */
    public AsenaPump(EventTimeline timeline, AsenaSettings settings, FaultSwitches faults, Instant start) {
        this.settings = settings;
        this.timeline = timeline;
        this.pump = timeline.patient().pump();
        this.faults = faults;
        this.start = start;
    }

    @Override
    public void received(byte[] bytes, Instant now, FrameSink out) {
        for (AsenaFrameReader.Received request : reader.accept(bytes)) {
            String answer = switch (request) {
                case AsenaFrameReader.Received.Valid valid -> AsenaResponder.respond(valid.body(), report(now));
                case AsenaFrameReader.Received.BadCrc bad -> AsenaResponder.badCrc();
                case AsenaFrameReader.Received.Malformed malformed -> AsenaResponder.malformed();
            };
            LOG.debug("{} -> {}", request, answer);
            out.send(AsenaFrame.encode(answer, faults.isOn(Fault.CORRUPT_CHECKSUM)));
        }
    }

    @Override
    public void tick(Instant now, FrameSink out) {
        // strictly request/response: the pump never speaks first
    }

    PumpReport report(Instant now) {
        double t = Duration.between(start, now).toNanos() / 1e9;
        timeline.advanceTo(t);
        PumpStatus status = pump.statusAt(t);
        PumpAlarm alarm = faults.isOn(Fault.OCCLUSION) ? PumpAlarm.OCCLUSION
                : faults.isOn(Fault.AIR_IN_LINE) ? PumpAlarm.AIR_IN_LINE : status.alarm();
        if (status.state() != lastState || alarm != lastAlarm) {
            logId++;
            lastState = status.state();
            lastAlarm = alarm;
        }
        int pressure = alarm == PumpAlarm.OCCLUSION ? OCCLUDED_PRESSURE_MMHG
                : status.state() == PumpState.INFUSING ? LINE_PRESSURE_MMHG : 0;
        return new PumpReport(settings.serial(), alarm, status.state(), status.rateMlPerHour(), status.remainingMl(),
                status.infusedMl(), pressure, timeRemaining(status), logId);
    }

    private Duration timeRemaining(PumpStatus status) {
        if (status.state() == PumpState.COMPLETED) {
            return Duration.ZERO;
        }
        if (status.programmedRateMlPerHour() <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(status.remainingMl() / status.programmedRateMlPerHour() * 3_600_000));
    }
}
