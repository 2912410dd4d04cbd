package org.openinfusion.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openinfusion.sim.asena.AsenaPump;
import org.openinfusion.sim.s5.S5Monitor;
import org.openinfusion.sim.serial.CaptureFormat;
import org.openinfusion.sim.serial.CaptureReplay;
import org.openinfusion.sim.serial.FaultSwitches;
import org.openinfusion.sim.serial.SerialDevice;
import org.openinfusion.sim.serial.SerialSimulator;
import org.openinfusion.sim.serial.SerialSimulatorBuilder;
import org.openinfusion.sim.serial.Transport;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.signal.EventTimeline;
import org.openinfusion.sim.signal.Pump;
import org.openinfusion.sim.signal.SimulatedPatient;

/**
 * Starts serial device simulators; the entry point for tests and the command line.
 * <pre>
 * try (SerialSimulator s5 = SerialSimulators.start(SerialSimulatorConfig.defaults("s5").onPty(path))) {
 *     s5.faults().enable(Fault.SENSOR_OFF);
 * }
 * </pre>
 */
public final class SerialSimulators {

    /** Builds a device from the run's settings; one entry per protocol package. */
    @FunctionalInterface
    interface DeviceFactory {
        SerialDevice create(SerialSimulatorConfig config, FaultSwitches faults, Instant start);
    }

    private static final Map<String, DeviceFactory> DEVICES = new TreeMap<>(Map.of(
            "s5", (config, faults, start) -> new S5Monitor(timeline(config), config.s5(), faults, start),
            "asena", (config, faults, start) -> new AsenaPump(timeline(config), config.asena(), faults, start)));

    /**
     * The patient and its pump: with a scenario, an idle pump that the scenario's events (for every
     * bed) program, start and fault, and that change the patient; otherwise the infusion plan.
     */
    static EventTimeline timeline(SerialSimulatorConfig config) {
        if (config.scenario().isEmpty()) {
            return EventTimeline.none(new SimulatedPatient(config.seed(), config.infusion()));
        }
        SimulatedPatient patient = new SimulatedPatient(config.seed(), Pump.idle());
        return new EventTimeline(patient, config.scenario().get().eventsFor(Scenario.EVERY_BED));
    }

    private SerialSimulators() {
    }

    /** The registered device names. */
    public static Set<String> devices() {
        return DEVICES.keySet();
    }

    public static SerialSimulator start(SerialSimulatorConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /** Starts the configured simulator on its pty or TCP port; simulation time 0 is now. */
    public static SerialSimulator start(SerialSimulatorConfig config, Clock clock) throws IOException {
        Transport transport = config.pty().isPresent() ? Transport.pty(config.pty().get())
                : Transport.tcp(config.tcpPort());
        return start(config, transport, clock);
    }

    /** Starts the configured simulator on {@code transport} (the config's pty or port is not used). */
    public static SerialSimulator start(SerialSimulatorConfig config, Transport transport, Clock clock)
            throws IOException {
        FaultSwitches faults = new FaultSwitches(clock);
        config.faults().forEach(faults::enable);
        SerialSimulatorBuilder builder = SerialSimulator.builder(device(config, faults, clock), transport)
                .clock(clock).faults(faults).seed(config.seed());
        config.capture().ifPresent(builder::captureTo);
        return builder.start();
    }

    /** An S/5 with default settings on {@code transport}, e.g. {@code Transport.pty(path)} or {@code Transport.tcp(0)}. */
    public static SerialSimulator s5(Transport transport, long seed) throws IOException {
        return start(SerialSimulatorConfig.defaults("s5").withSeed(seed), transport, Clock.systemUTC());
    }

    /** An Asena with default settings on {@code transport}. */
    public static SerialSimulator asena(Transport transport, long seed) throws IOException {
        return start(SerialSimulatorConfig.defaults("asena").withSeed(seed), transport, Clock.systemUTC());
    }

    /** Sends the RX bytes of {@code capture} on {@code transport} once a host is attached. */
    public static SerialSimulator replay(Transport transport, Path capture) throws IOException {
        return start(SerialSimulatorConfig.defaults("s5").withReplay(capture), transport, Clock.systemUTC());
    }

    private static SerialDevice device(SerialSimulatorConfig config, FaultSwitches faults, Clock clock)
            throws IOException {
        if (config.replay().isPresent()) {
            return new CaptureReplay(CaptureFormat.read(config.replay().get()));
        }
        DeviceFactory factory = DEVICES.get(config.device());
        if (factory == null) {
            throw new IllegalArgumentException("unknown device '" + config.device() + "', expected one of "
                    + DEVICES.keySet());
        }
        return factory.create(config, faults, clock.instant());
    }
}
