package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent.DeviationKind;
import org.openinfusion.station.clinical.session.Outcome;

/** The bedside's list of infusion deviations: the early stop's figure follows the pump's final count, typed. */
class BedHistoryTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    private static Outcome infusion(InfusionEvent e) {
        return new Outcome(List.of(), List.of(e), List.of(), List.of());
    }

    @Test
    void thePumpsFinalCountReplacesTheEarlyStopsFigureAndNoOtherLine() {
        BedHistory h = new BedHistory();
        h.outcome("s1", infusion(new InfusionEvent.Deviation(T, DeviationKind.RATE_OFF_PLAN, 130, 120, "rate 130 mL/h, plan 120 mL/h")));
        h.outcome("s1", infusion(new InfusionEvent.Deviation(T.plusSeconds(60), DeviationKind.EARLY_STOP, 4.4, 60, "ended at 4.4 mL")));
        h.outcome("s1", infusion(new InfusionEvent.Deviation(T.plusSeconds(70), DeviationKind.VOLUME_BEHIND, 4.4, 6, "4.4 of 6 mL")));
        assertEquals(List.of("VOLUME_BEHIND: 4.4 of 6 mL", "EARLY_STOP: stopped at 4.4 of 60.0 mL (pump's count)",
                "RATE_OFF_PLAN: rate 130 mL/h, plan 120 mL/h"), h.deviations("s1"));

        h.outcome("s1", infusion(new InfusionEvent.FinalVolume(T.plusSeconds(90), 4.5, 4.4)));

        assertEquals(List.of("VOLUME_BEHIND: 4.4 of 6 mL",
                "EARLY_STOP: stopped at 4.5 of 60.0 mL (pump's count after it stopped; 4.4 mL when the end was recorded)",
                "RATE_OFF_PLAN: rate 130 mL/h, plan 120 mL/h"), h.deviations("s1"));
    }

    @Test
    void aFinalCountWithoutAnEarlyStopChangesNothing() {
        BedHistory h = new BedHistory();
        h.outcome("s1", infusion(new InfusionEvent.Deviation(T, DeviationKind.VOLUME_AHEAD, 7, 6, "7 of 6 mL")));
        h.outcome("s1", infusion(new InfusionEvent.FinalVolume(T.plusSeconds(90), 60, 59.9)));
        assertEquals(List.of("VOLUME_AHEAD: 7 of 6 mL"), h.deviations("s1"));
        assertEquals(List.of(), h.deviations("s2"));
    }
}
