package org.openinfusion.station.clinical.infusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.infusion.InfusionEvent.DeviationKind;

class InfusionClockTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final DosePlan PLAN = new DosePlan(70, 35, 100, 150, Duration.ofMinutes(40));

    /** Feeds a pump that follows the plan, reporting every 2 s, with an optional pause. */
    private static List<InfusionEvent> run(InfusionClock clock, int pauseAtSecond, int pauseSeconds, double rate) {
        List<InfusionEvent> events = new ArrayList<>();
        double volume = 0;
        int pausedUntil = pauseAtSecond + pauseSeconds;
        for (int s = 0; s <= 3600 && !clock.completed(); s += 2) {
            boolean paused = s >= pauseAtSecond && s < pausedUntil;
            String state = volume >= 100 ? "completed" : paused ? "paused" : "infusing";
            events.addAll(clock.accept(new PumpReading(T0.plusSeconds(s), state, paused ? 0 : rate, Math.min(100, volume))));
            if (!paused && volume < 100) {
                volume += rate * 2 / 3600;
            }
        }
        return events;
    }

    @Test
    void aPumpOnPlanCompletesAfterFortyMinutesWithoutDeviations() {
        InfusionClock clock = new InfusionClock(PLAN);
        List<InfusionEvent> events = run(clock, Integer.MAX_VALUE / 2, 0, 150);
        assertInstanceOf(InfusionEvent.Started.class, events.getFirst());
        InfusionEvent.Completed done = (InfusionEvent.Completed) events.getLast();
        assertEquals(2, events.size(), events.toString());
        assertTrue(Math.abs(done.infusingTime().toSeconds() - 2400) <= 4, done.toString());
        assertEquals(0, done.pauses());
    }

    @Test
    void aPauseStopsTheInfusionClockAndIsCountedWithItsMinutes() {
        InfusionClock clock = new InfusionClock(PLAN);
        List<InfusionEvent> events = run(clock, 600, 180, 150);
        assertTrue(events.stream().anyMatch(e -> e instanceof InfusionEvent.Paused p && p.at().equals(T0.plusSeconds(600))));
        InfusionEvent.Resumed resumed = events.stream().filter(InfusionEvent.Resumed.class::isInstance)
                .map(InfusionEvent.Resumed.class::cast).findFirst().orElseThrow();
        assertEquals(Duration.ofMinutes(3), resumed.pausedFor());
        InfusionEvent.Completed done = (InfusionEvent.Completed) events.getLast();
        assertEquals(1, done.pauses());
        assertEquals(Duration.ofMinutes(3), done.pausedTotal());
        // the clock did not run during the pause: still about 40 infusing minutes, 43 on the wall clock
        assertTrue(Math.abs(done.infusingTime().toSeconds() - 2400) <= 4, done.toString());
        assertTrue(done.at().isAfter(T0.plus(Duration.ofMinutes(42))));
    }

    @Test
    void aWrongRateIsReportedOnceWithItsFiguresAndThenVolumeAhead() {
        InfusionClock clock = new InfusionClock(PLAN);
        List<InfusionEvent> events = run(clock, Integer.MAX_VALUE / 2, 0, 200);
        List<InfusionEvent.Deviation> deviations = events.stream().filter(InfusionEvent.Deviation.class::isInstance)
                .map(InfusionEvent.Deviation.class::cast).toList();
        assertEquals(DeviationKind.RATE_OFF_PLAN, deviations.getFirst().kind());
        assertEquals(200, deviations.getFirst().actual());
        assertEquals(150, deviations.getFirst().expected());
        assertEquals("rate 200.0 mL/h, plan 150.0 mL/h", deviations.getFirst().detail());
        assertEquals(1, deviations.stream().filter(d -> d.kind() == DeviationKind.RATE_OFF_PLAN).count());
        assertTrue(deviations.stream().anyMatch(d -> d.kind() == DeviationKind.VOLUME_AHEAD));
    }

    @Test
    void stoppingBeforeThePlannedVolumeIsAnEarlyStop() {
        InfusionClock clock = new InfusionClock(PLAN);
        clock.accept(new PumpReading(T0, "infusing", 150, 0));
        clock.accept(new PumpReading(T0.plusSeconds(600), "infusing", 150, 25));
        List<InfusionEvent> end = clock.accept(new PumpReading(T0.plusSeconds(602), "completed", 0, 25.1));
        InfusionEvent.Deviation early = (InfusionEvent.Deviation) end.getFirst();
        assertEquals(DeviationKind.EARLY_STOP, early.kind());
        assertEquals(25.1, early.actual());
        assertInstanceOf(InfusionEvent.Completed.class, end.get(1));
    }

    @Test
    void volumeBehindAndOverInfusionAreDetected() {
        InfusionClock clock = new InfusionClock(PLAN);
        clock.accept(new PumpReading(T0, "infusing", 150, 0));
        List<InfusionEvent> behind = clock.accept(new PumpReading(T0.plusSeconds(1200), "infusing", 150, 30));
        assertEquals(DeviationKind.VOLUME_BEHIND, ((InfusionEvent.Deviation) behind.getFirst()).kind());
        List<InfusionEvent> over = clock.accept(new PumpReading(T0.plusSeconds(2500), "infusing", 150, 108));
        assertTrue(over.stream().anyMatch(e -> e instanceof InfusionEvent.Deviation d && d.kind() == DeviationKind.OVER_INFUSION));
    }

    @Test
    void aPauseJustShortOfThePlannedVolumeIsAPauseNotTheEnd() {
        InfusionClock clock = new InfusionClock(PLAN);
        clock.accept(new PumpReading(T0, "infusing", 150, 0));
        List<InfusionEvent> paused = clock.accept(new PumpReading(T0.plusSeconds(2300), "paused", 0, 96));
        assertInstanceOf(InfusionEvent.Paused.class, paused.getFirst());
        assertTrue(!clock.completed());
    }

    @Test
    void overshootingThenCompletingIsReportedAsOverInfusion() {
        InfusionClock clock = new InfusionClock(PLAN);
        clock.accept(new PumpReading(T0, "infusing", 150, 0));
        List<InfusionEvent> end = clock.accept(new PumpReading(T0.plusSeconds(2400), "completed", 0, 110));
        assertTrue(end.stream().anyMatch(e -> e instanceof InfusionEvent.Deviation d && d.kind() == DeviationKind.OVER_INFUSION), end.toString());
    }

    @Test
    void nothingHappensBeforeThePumpStarts() {
        InfusionClock clock = new InfusionClock(PLAN);
        assertEquals(List.of(), clock.accept(new PumpReading(T0, "standby", 0, 0)));
        assertEquals(Duration.ZERO, clock.infusingTime());
    }

    @Test
    void aCloseWhileThePumpInfusesGivesTheInfusionsStateFromThePumpsLastReportAndNothingOnceItStopped() {
        InfusionClock clock = new InfusionClock(PLAN);
        assertEquals(List.of(), clock.closing(T0), "no pump report: nothing to say");
        clock.accept(new PumpReading(T0, "infusing", 150, 0));
        clock.accept(new PumpReading(T0.plusSeconds(600), "infusing", 150, 25));
        assertEquals(List.of(new InfusionEvent.RunningAtClose(T0.plusSeconds(603), 150, 25, T0.plusSeconds(600))), clock.closing(T0.plusSeconds(603)));
        // ended by staff while the pump ran on: still infusing at the close
        clock.endNow(T0.plusSeconds(601));
        clock.accept(new PumpReading(T0.plusSeconds(602), "infusing", 150, 25.1));
        assertEquals(List.of(new InfusionEvent.RunningAtClose(T0.plusSeconds(603), 150, 25.1, T0.plusSeconds(602))), clock.closing(T0.plusSeconds(603)));
        clock.accept(new PumpReading(T0.plusSeconds(604), "stopped", 0, 25.2));
        assertEquals(List.of(), clock.closing(T0.plusSeconds(605)), "stopped at the pump: nothing running at the close");
        InfusionClock paused = new InfusionClock(PLAN);
        paused.accept(new PumpReading(T0, "infusing", 150, 0));
        paused.accept(new PumpReading(T0.plusSeconds(60), "paused", 0, 2.5));
        assertEquals(List.of(), paused.closing(T0.plusSeconds(61)), "paused: not infusing");
    }
}
