package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.DischargeCriteria;
import org.openinfusion.station.domain.Stream;

class DischargeCheckTest {
    private static final DischargeCriteria CRITERIA = new DischargeCriteria(Duration.ofMinutes(120), 4, 5, 20);
    private static final Instant END = Instant.parse("2026-11-22T10:00:00Z");
    private static final Map<Stream, Double> BASELINE = Map.of(Stream.HR, 70.0, Stream.NIBP_SYS, 120.0, Stream.NIBP_DIA, 80.0);

    @Test
    void readyWhenEveryCriterionIsMet() {
        var r = DischargeCheck.evaluate(CRITERIA, END, END.plus(Duration.ofMinutes(125)), OptionalInt.of(2), OptionalInt.of(5), BASELINE,
                Map.of(Stream.HR, 75.0, Stream.NIBP_SYS, 130.0, Stream.NIBP_DIA, 85.0));
        assertTrue(r.ready(), r.toString());
        assertEquals("125 of 120 min", r.criteria().getFirst().detail());
    }

    @Test
    void notReadyWithTheReasonsAndFigures() {
        var r = DischargeCheck.evaluate(CRITERIA, END, END.plus(Duration.ofMinutes(90)), OptionalInt.of(9), OptionalInt.empty(), BASELINE,
                Map.of(Stream.HR, 75.0, Stream.NIBP_SYS, 150.0, Stream.NIBP_DIA, 85.0));
        assertFalse(r.ready());
        assertEquals(DischargeCheck.Status.NOT_MET, r.criteria().get(0).status());
        assertEquals("9 (needs <= 4)", r.criteria().get(1).detail());
        assertEquals(DischargeCheck.Status.UNKNOWN, r.criteria().get(2).status());
        assertEquals("150 vs baseline 120 (25%)", r.criteria().get(4).detail());
        assertEquals(DischargeCheck.Status.NOT_MET, r.criteria().get(4).status());
    }
}
