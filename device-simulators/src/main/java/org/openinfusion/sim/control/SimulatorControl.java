package org.openinfusion.sim.control;

import java.util.List;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.signal.BedEvent;

/**
 * What can be done to running simulated beds: list them, apply an event now (program, start,
 * pause, stop the pump; inject a fault), start or stop a scenario. The demo's simulated nurse and
 * tests call it in-process; {@link ControlServer} offers it over HTTP (docs/simulation.md).
 */
public interface SimulatorControl {

    List<BedState> states();

    BedState state(String bedId);

    /** Throws {@link IllegalStateException} when the pump refuses, {@link IllegalArgumentException} for bad input. */
    BedState apply(String bedId, BedEvent event);

    void startScenario(Scenario scenario, List<String> bedIds);

    void stopScenario(String bedId);
}
