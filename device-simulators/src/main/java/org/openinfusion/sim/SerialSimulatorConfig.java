package org.openinfusion.sim;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.sim.asena.AsenaSettings;
import org.openinfusion.sim.s5.S5Settings;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.signal.InfusionPlan;

/**
 * One serial simulator run.
 *
 * @param device registered device name: {@code s5} or {@code asena}
 * @param pty the pty path to open, or empty for TCP
 * @param tcpPort the port to listen on when {@code pty} is empty (0 picks a free one)
 * @param seed the patient's seed (same physiology as the MQTT simulator for the same seed)
 * @param faults faults switched on at start
 * @param replay a raw capture whose RX bytes are sent instead of simulating the device
 * @param capture a raw capture file to record the session into
 * @param scenario a scenario whose timeline (its events for every bed) the patient and the pump follow
 *     from simulation time 0 instead of the infusion plan (docs/simulation.md)
 */
public record SerialSimulatorConfig(String device, Optional<Path> pty, int tcpPort, long seed, Set<Fault> faults,
                                    Optional<Path> replay, Optional<Path> capture, S5Settings s5,
                                    AsenaSettings asena, InfusionPlan infusion, Optional<Scenario> scenario) {

    public SerialSimulatorConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(scenario, "scenario");
        faults = Set.copyOf(faults);
        if (tcpPort < 0 || tcpPort > 65535) {
            throw new IllegalArgumentException("TCP port must be 0..65535: " + tcpPort);
        }
    }

    public static SerialSimulatorConfig defaults(String device) {
        return new SerialSimulatorConfig(device, Optional.empty(), 0, 42, Set.of(), Optional.empty(),
                Optional.empty(), S5Settings.defaults(), AsenaSettings.defaults(), InfusionPlan.defaults(), Optional.empty());
    }

    public SerialSimulatorConfig onPty(Path path) {
        return new SerialSimulatorConfig(device, Optional.of(path), 0, seed, faults, replay, capture, s5, asena,
                infusion, scenario);
    }

    public SerialSimulatorConfig onTcp(int port) {
        return new SerialSimulatorConfig(device, Optional.empty(), port, seed, faults, replay, capture, s5, asena,
                infusion, scenario);
    }

    public SerialSimulatorConfig withSeed(long value) {
        return new SerialSimulatorConfig(device, pty, tcpPort, value, faults, replay, capture, s5, asena, infusion, scenario);
    }

    public SerialSimulatorConfig withFaults(Set<Fault> value) {
        return new SerialSimulatorConfig(device, pty, tcpPort, seed, value, replay, capture, s5, asena, infusion, scenario);
    }

    public SerialSimulatorConfig withReplay(Path file) {
        return new SerialSimulatorConfig(device, pty, tcpPort, seed, faults, Optional.of(file), capture, s5, asena,
                infusion, scenario);
    }

    public SerialSimulatorConfig withCapture(Path file) {
        return new SerialSimulatorConfig(device, pty, tcpPort, seed, faults, replay, Optional.of(file), s5, asena,
                infusion, scenario);
    }

    public SerialSimulatorConfig withS5(S5Settings value) {
        return new SerialSimulatorConfig(device, pty, tcpPort, seed, faults, replay, capture, value, asena, infusion, scenario);
    }

    public SerialSimulatorConfig withAsena(AsenaSettings value) {
        return new SerialSimulatorConfig(device, pty, tcpPort, seed, faults, replay, capture, s5, value, infusion, scenario);
    }

    public SerialSimulatorConfig withInfusion(InfusionPlan value) {
        return new SerialSimulatorConfig(device, pty, tcpPort, seed, faults, replay, capture, s5, asena, value, scenario);
    }

    public SerialSimulatorConfig withScenario(Scenario value) {
        return new SerialSimulatorConfig(device, pty, tcpPort, seed, faults, replay, capture, s5, asena, infusion,
                Optional.of(value));
    }
}
