package org.openinfusion.dashboard.simulation;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openinfusion.sim.control.BedState;
import org.openinfusion.sim.control.SimulatorControl;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.signal.Bag;
import org.openinfusion.sim.signal.BedEvent;
import org.openinfusion.sim.signal.PumpState;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.service.SessionUpdate;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated nurse at the simulated pumps. It listens to the station's session updates
 * on the bus and does what a nurse does at a real pump, through the simulator's control interface:
 * when staff confirm the infusion start it programs the bed's pump with the session's dose plan
 * (rate, volume to be infused) and starts it (and, when the demo runs a scenario, starts the
 * scenario's timeline from that moment); when staff end the infusion or close the session early
 * it stops the pump. The station itself never commands a pump: this is a stand-in for the person
 * at the bedside, part of the demo launcher only. With a simulated pharmacy, the nurse hangs the bag
 * prepared for the session's kit, so the simulated patient follows the session's sealed arm; the
 * bag is never logged (the simulator's own descriptions do not name it either).
 */
public final class SimulatedNurse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedNurse.class);

    private final SimulatorControl pumps;
    private final Function<String, Optional<DosePlan>> plans;
    private final Function<String, Optional<Bag>> bags;
    private final Optional<Scenario> scenario;
    private final MessageConsumer<SessionUpdate> consumer;

    private SimulatedNurse(Vertx vertx, SimulatorControl pumps, Function<String, Optional<DosePlan>> plans,
                           Function<String, Optional<Bag>> bags, Optional<Scenario> scenario) {
        this.pumps = pumps;
        this.plans = plans;
        this.bags = bags;
        this.scenario = scenario.map(Scenario::withoutPumpStart);
        this.consumer = vertx.eventBus().localConsumer(Addresses.SESSION_UPDATE, m -> follow(m.body()));
    }

    /**
     * Starts following session updates.
     *
     * @param plans the dose plan of the session open on a bed
     * @param scenario a scenario each bed runs from its infusion start (its own pump events dropped)
     */
    public static SimulatedNurse attach(Vertx vertx, SimulatorControl pumps, Function<String, Optional<DosePlan>> plans,
                                        Optional<Scenario> scenario) {
        return new SimulatedNurse(vertx, pumps, plans, bed -> Optional.empty(), scenario);
    }

    /**
     * The same, hanging on each bed's pump the bag {@code bags} says the pharmacy prepared for the
     * session open on it (empty: the bed keeps its default bag).
     */
    public static SimulatedNurse attach(Vertx vertx, SimulatorControl pumps, Function<String, Optional<DosePlan>> plans,
                                        Function<String, Optional<Bag>> bags, Optional<Scenario> scenario) {
        return new SimulatedNurse(vertx, pumps, plans, bags, scenario);
    }

    @Override
    public void close() {
        consumer.unregister();
    }

    private void follow(SessionUpdate update) {
        for (SessionEvent e : update.outcome().session()) {
            try {
                switch (e) {
                    case SessionEvent.InfusionStarted started when started.source().equals("nurse") -> start(update.bedId());
                    case SessionEvent.InfusionCompleted done when !done.actor().equals("pump") -> stop(update.bedId());
                    case SessionEvent.Closed closed -> stop(update.bedId());
                    default -> {
                        // the pump's own events, baseline, pretreatment, observation, discharge: nothing to do at the pump
                    }
                }
            } catch (IllegalArgumentException notSimulated) {
                LOG.debug("{} is not a simulated bed: {}", update.bedId(), notSimulated.getMessage());
            } catch (IllegalStateException refused) {
                LOG.warn("{}: the simulated pump refused: {}", update.bedId(), refused.getMessage());
            }
        }
    }

    private void start(String bed) {
        Optional<DosePlan> plan = plans.apply(bed);
        if (plan.isEmpty()) {
            LOG.warn("{}: infusion confirmed but no dose plan found; the simulated pump stays idle", bed);
            return;
        }
        PumpState state = pumps.state(bed).pump().state();
        if (state == PumpState.INFUSING) {
            return;
        }
        pumps.apply(bed, new BedEvent.ProgramPump(plan.get().rateMlPerHour(), plan.get().volumeMl(),
                bags.apply(bed).orElse(null)));
        BedState started = pumps.apply(bed, new BedEvent.StartPump());
        LOG.info("{}: simulated nurse started the pump at {} mL/h for {} mL", bed, plan.get().rateMlPerHour(),
                plan.get().volumeMl());
        scenario.ifPresent(s -> pumps.startScenario(s, List.of(started.bedId())));
    }

    private void stop(String bed) {
        PumpState state = pumps.state(bed).pump().state();
        if (state == PumpState.INFUSING || state == PumpState.PAUSED) {
            pumps.apply(bed, new BedEvent.StopPump());
            LOG.info("{}: simulated nurse stopped the pump", bed);
        }
        pumps.stopScenario(bed);
    }
}
