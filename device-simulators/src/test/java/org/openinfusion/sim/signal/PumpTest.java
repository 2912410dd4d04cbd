package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class PumpTest {

    private final Pump pump = Pump.idle();

    @Test
    void anUnprogrammedPumpStandsByAndRefusesToStart() {
        PumpStatus status = pump.statusAt(600);
        assertEquals(PumpState.STANDBY, status.state());
        assertEquals(0, status.rateMlPerHour());
        assertEquals(0, status.infusedMl());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> pump.start(10));
        assertTrue(refused.getMessage().contains("program"), refused.getMessage());
    }

    @Test
    void aProgrammedPumpWaitsForStartThenDeliversAtItsRate() {
        pump.program(10, 52.5, 35);
        assertEquals(PumpState.STANDBY, pump.statusAt(100).state());
        assertEquals(35, pump.statusAt(100).remainingMl());
        pump.start(100);
        PumpStatus twentyMinutes = pump.statusAt(100 + 1200);
        assertEquals(PumpState.INFUSING, twentyMinutes.state());
        assertEquals(52.5, twentyMinutes.rateMlPerHour());
        assertEquals(17.5, twentyMinutes.infusedMl(), 1e-9);
        assertEquals(17.5, twentyMinutes.remainingMl(), 1e-9);
    }

    @Test
    void thePumpStopsByItselfAtTheVolumeToBeInfused() {
        pump.program(0, 150, 100);
        pump.start(60);
        PumpStatus justBefore = pump.statusAt(60 + 2399);
        PumpStatus after = pump.statusAt(60 + 2400 + 3600);
        assertEquals(PumpState.INFUSING, justBefore.state());
        assertEquals(PumpState.COMPLETED, after.state());
        assertEquals(PumpAlarm.NONE, after.alarm());
        assertEquals(0, after.rateMlPerHour());
        assertEquals(100, after.infusedMl(), 1e-9);
        assertEquals(0, after.remainingMl(), 1e-9);
        assertThrows(IllegalStateException.class, () -> pump.start(60 + 2400 + 3600));
    }

    @Test
    void aPauseHoldsTheVolumeAndResumingFinishesLater() {
        pump.program(0, 150, 100);
        pump.start(0);
        pump.pause(600);
        assertEquals(25, pump.statusAt(900).infusedMl(), 1e-9);
        assertEquals(PumpState.PAUSED, pump.statusAt(900).state());
        assertEquals(0, pump.statusAt(900).rateMlPerHour());
        pump.start(900);
        assertEquals(PumpState.INFUSING, pump.statusAt(2699).state());
        assertEquals(PumpState.COMPLETED, pump.statusAt(2700).state());
    }

    @Test
    void anOcclusionHaltsTheInfusionUntilClearedAndRestarted() {
        pump.program(0, 150, 100);
        pump.start(0);
        pump.raise(300, PumpAlarm.OCCLUSION);
        PumpStatus occluded = pump.statusAt(400);
        assertEquals(PumpState.PAUSED, occluded.state());
        assertEquals(PumpAlarm.OCCLUSION, occluded.alarm());
        assertEquals(12.5, occluded.infusedMl(), 1e-9);
        assertThrows(IllegalStateException.class, () -> pump.start(400));
        pump.clearAlarm(450);
        pump.start(460);
        assertEquals(PumpAlarm.NONE, pump.statusAt(500).alarm());
        assertEquals(PumpState.INFUSING, pump.statusAt(500).state());
    }

    @Test
    void airInLineAndDoorOpenHaltItToo() {
        pump.program(0, 90, 60);
        pump.start(0);
        pump.raise(100, PumpAlarm.AIR_IN_LINE);
        assertEquals(PumpState.PAUSED, pump.statusAt(101).state());
        pump.clearAlarm(110);
        pump.raise(120, PumpAlarm.DOOR_OPEN);
        assertEquals(PumpAlarm.DOOR_OPEN, pump.statusAt(130).alarm());
        assertEquals(2.5, pump.statusAt(130).infusedMl(), 1e-9);
    }

    @Test
    void stoppingEndsTheInfusionEarlyAndProgrammingStartsANewOne() {
        pump.program(0, 150, 100);
        pump.start(0);
        pump.stop(1200);
        assertEquals(PumpState.STOPPED, pump.statusAt(1300).state());
        assertEquals(50, pump.statusAt(1300).infusedMl(), 1e-9);
        pump.program(1300, 100, 50);
        assertEquals(PumpState.STANDBY, pump.statusAt(1301).state());
        assertEquals(0, pump.statusAt(1301).infusedMl());
        assertEquals(50, pump.statusAt(1301).remainingMl());
    }

    @Test
    void programmingWhileInfusingAndCommandsBackInTimeAreRefused() {
        pump.program(0, 150, 100);
        pump.start(0);
        assertThrows(IllegalStateException.class, () -> pump.program(10, 100, 100));
        assertThrows(IllegalArgumentException.class, () -> pump.pause(-1));
        assertThrows(IllegalArgumentException.class, () -> Pump.idle().program(0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Pump.idle().program(0, 10, 20_000));
    }

    @Test
    void aRunningPlanIsProgrammedAtZeroAndStartsAtItsOffset() {
        InfusionPlan plan = InfusionPlan.defaults();
        Pump running = Pump.running(plan);
        assertEquals(PumpState.STANDBY, running.statusAt(59).state());
        assertEquals(150, running.statusAt(60).rateMlPerHour());
        assertEquals(PumpState.COMPLETED, running.statusAt(60 + Duration.ofMinutes(40).toSeconds()).state());
    }

    /**
     * The drug model asks the pump's status while holding its own lock; the pump tells the drug model of each command.
     * Were the pump to tell it while holding the pump's lock, a command on one thread and a concentration read on
     * another would take the two locks in opposite orders (a deadlock): the listener runs with the pump's lock free.
     */
    @Test
    void listenersHearACommandWithThePumpsLockReleased() {
        List<Boolean> lockHeld = new ArrayList<>();
        pump.onCommand(t -> lockHeld.add(Thread.holdsLock(pump)));
        pump.program(0, 150, 100);
        pump.start(10);
        pump.pause(20);
        pump.raise(30, PumpAlarm.OCCLUSION);
        pump.clearAlarm(40);
        pump.start(50);
        pump.stop(60);
        assertEquals(List.of(false, false, false, false, false, false, false), lockHeld);
    }

    /**
     * The same shown with the drug model: while the model recomputes after a command (its lock held), another thread
     * reads the pump's status and the model's concentration; neither waits for the commanding thread's pump lock.
     */
    @Test
    void aCommandAndAConcentrationReadOnAnotherThreadDoNotWaitForEachOther() throws Exception {
        DrugExposure drug = new DrugExposure(Drug.KETAMINE, 0.5, pump, 70);
        List<double[]> readElsewhere = new ArrayList<>();
        pump.onCommand(t -> {
            // runs after the drug model heard the command, on the commanding thread: a reader elsewhere gets through
            // (the bound only turns the old deadlock into a failure instead of a hung build)
            try {
                readElsewhere.add(CompletableFuture.supplyAsync(() -> new double[] {pump.statusAt(t + 600).infusedMl(),
                        drug.plasma(t + 600)}).get(60, TimeUnit.SECONDS));
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the reader on another thread did not get through: " + e, e);
            }
        });
        pump.program(0, 150, 100);
        pump.start(0);
        assertEquals(2, readElsewhere.size());
        assertEquals(0, readElsewhere.get(0)[1], "programmed, not started: no drug");
        assertEquals(25, readElsewhere.get(1)[0], 1e-9, "150 mL/h for 600 s");
        assertTrue(readElsewhere.get(1)[1] > 0, "ketamine in plasma after 10 min: " + readElsewhere.get(1)[1]);
        assertFalse(Thread.holdsLock(pump));
    }
}
