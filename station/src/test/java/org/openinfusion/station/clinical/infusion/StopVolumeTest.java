package org.openinfusion.station.clinical.infusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.DosePlan;
import org.openinfusion.station.clinical.infusion.InfusionEvent.DeviationKind;

/**
 * The bed view said "stopped at 4.4" while the pump showed 4.5: staff ended the infusion while the pump still infused
 * (the end took the pump's last report, 4.4 mL) and the pump was stopped a moment later at 4.5 mL. The station now takes
 * the pump's own count once it stops and shows it with its source; the rounding of both figures is the same.
 */
class StopVolumeTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final DosePlan PLAN = new DosePlan(70, 30, 60, 90, Duration.ofMinutes(40));

    private static List<InfusionEvent> infuse(InfusionClock clock, int seconds) {
        List<InfusionEvent> out = new ArrayList<>();
        for (int s = 0; s <= seconds; s++) {
            out.addAll(clock.accept(new PumpReading(T0.plusSeconds(s), "infusing", 90, s * 90 / 3600.0)));
        }
        return out;
    }

    @Test
    void anEndWhileThePumpStillInfusesTakesThePumpsOwnCountOnceItStops() {
        InfusionClock clock = new InfusionClock(PLAN);
        infuse(clock, 176); // 4.4 mL at 176 s
        List<InfusionEvent> end = clock.endNow(T0.plusSeconds(176).plusMillis(500));
        InfusionEvent.Deviation early = end.stream().filter(InfusionEvent.Deviation.class::isInstance).map(InfusionEvent.Deviation.class::cast)
                .filter(d -> d.kind() == DeviationKind.EARLY_STOP).findFirst().orElseThrow();
        assertEquals(4.4, early.actual(), 1e-9);
        // the pump runs on until it is stopped: 4.475 mL, then it reports stopped at 4.5 mL
        assertEquals(List.of(), clock.accept(new PumpReading(T0.plusSeconds(179), "infusing", 90, 4.475)));
        List<InfusionEvent> stop = clock.accept(new PumpReading(T0.plusSeconds(180), "stopped", 0, 4.5));
        assertEquals(List.of(new InfusionEvent.FinalVolume(T0.plusSeconds(180), 4.5, 4.4)), stop);
        assertEquals(List.of(), clock.accept(new PumpReading(T0.plusSeconds(181), "stopped", 0, 4.5)), "taken once");

        StopVolume shown = StopVolume.of(early, Optional.of((InfusionEvent.FinalVolume) stop.getFirst()));
        assertEquals(StopVolume.Source.PUMP_AFTER_STOP, shown.source());
        assertEquals("stopped at 4.5 of 60.0 mL (pump's count after it stopped; 4.4 mL when the end was recorded)", shown.detail());
    }

    @Test
    void aPumpStoppedBeforeTheEndIsRecordedGivesItsCountAtTheEndAndNothingLater() {
        InfusionClock clock = new InfusionClock(PLAN);
        infuse(clock, 176);
        clock.accept(new PumpReading(T0.plusSeconds(180), "stopped", 0, 4.5));
        List<InfusionEvent> end = clock.endNow(T0.plusSeconds(200));
        InfusionEvent.Deviation early = (InfusionEvent.Deviation) end.stream().filter(InfusionEvent.Deviation.class::isInstance).findFirst().orElseThrow();
        assertEquals(4.5, early.actual(), 1e-9);
        assertEquals(List.of(), clock.accept(new PumpReading(T0.plusSeconds(201), "stopped", 0, 4.5)));
        StopVolume shown = StopVolume.of(early, Optional.empty());
        assertEquals(StopVolume.Source.PUMP_AT_END, shown.source());
        assertEquals("stopped at 4.5 of 60.0 mL (pump's count)", shown.detail());
    }

    @Test
    void aCounterBackToZeroAfterTheEndIsNotThisInfusionsCount() {
        InfusionClock clock = new InfusionClock(PLAN);
        infuse(clock, 176);
        clock.endNow(T0.plusSeconds(177));
        assertEquals(List.of(), clock.accept(new PumpReading(T0.plusSeconds(300), "standby", 0, 0)));
    }

    @Test
    void onlyAnEarlyStopHasAStopFigure() {
        assertThrows(IllegalArgumentException.class, () -> StopVolume.of(new InfusionEvent.Deviation(T0, DeviationKind.RATE_OFF_PLAN, 100, 90, ""),
                Optional.empty()));
    }

    @Test
    void volumesRoundToATenthHalfUpAsTheBedViewAndTheDeviationTextDo() {
        assertEquals("4.5", StopVolume.ml(4.45));
        assertEquals("4.4", StopVolume.ml(4.449));
        assertEquals("4.5", StopVolume.ml(4.5));
        assertEquals("60.0", StopVolume.ml(60));
        double sum = 0;
        for (int i = 0; i < 45; i++) {
            sum += 0.1; // 4.499999999999999 or so: a pump's running total
        }
        assertEquals(String.format(Locale.ROOT, "%.1f", sum), StopVolume.ml(sum));
        // the same figure as the bed view's "%.1f" for every volume to the mL-thousandth up to 10 mL
        for (int i = 0; i <= 10_000; i++) {
            double v = i / 1000.0;
            assertEquals(String.format(Locale.ROOT, "%.1f", v), StopVolume.ml(v), () -> "at " + v);
        }
    }
}
