package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InfusionPumpTest {

    private final InfusionPlan plan = InfusionPlan.defaults();
    private final InfusionPump pump = new InfusionPump(plan);

    @Test
    void hundredMillilitresOverFortyMinutesRunAt150MillilitresAnHour() {
        assertEquals(150.0, plan.rateMlPerHour(), 1e-9);
        assertEquals(150.0, pump.statusAt(600).rateMlPerHour(), 1e-9);
    }

    @Test
    void sixtyMillilitreSyringeOverFortyMinutesRunsAt90() {
        InfusionPlan syringe = new InfusionPlan(Duration.ZERO, Duration.ofMinutes(40), 60);
        assertEquals(90.0, syringe.rateMlPerHour(), 1e-9);
    }

    @Test
    void pumpIsOnStandbyThenInfusesThenCompletes() {
        // given the default start, one minute into the simulation
        // then
        assertEquals(PumpState.STANDBY, pump.statusAt(59).state());
        assertEquals(0.0, pump.statusAt(59).rateMlPerHour());
        assertEquals(PumpState.INFUSING, pump.statusAt(60).state());
        assertEquals(PumpState.INFUSING, pump.statusAt(60 + 2399).state());
        assertEquals(PumpState.COMPLETED, pump.statusAt(60 + 2400).state());
        assertEquals(0.0, pump.statusAt(60 + 2400).rateMlPerHour());
        assertEquals(PumpAlarm.NONE, pump.statusAt(1000).alarm());
    }

    @Test
    void volumeInfusedReachesThePlannedVolumeAtFortyMinutes() {
        // when
        PumpStatus halfway = pump.statusAt(60 + 1200);
        PumpStatus atForty = pump.statusAt(60 + 2400);
        PumpStatus later = pump.statusAt(60 + 4000);
        // then
        assertEquals(50.0, halfway.infusedMl(), 1e-9);
        assertEquals(50.0, halfway.remainingMl(), 1e-9);
        assertEquals(100.0, atForty.infusedMl());
        assertEquals(0.0, atForty.remainingMl());
        assertEquals(100.0, later.infusedMl());
    }

    @Test
    void infusionStartCanBeMoved() {
        InfusionPump lateStart = new InfusionPump(plan.withStartOffset(Duration.ofMinutes(5)));
        assertEquals(PumpState.STANDBY, lateStart.statusAt(299).state());
        assertEquals(PumpState.INFUSING, lateStart.statusAt(300).state());
    }
}
