package org.openinfusion.station.clinical.session;

import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.PreDoseGate;
import org.openinfusion.station.clinical.session.DischargeCheck.Reading;
import org.openinfusion.station.domain.Stream;

class PreDoseCheckTest {
    private static final PreDoseGate GATE = ProtocolCatalog.builtIn().latest("ketamine-naltrexone-crossover").orElseThrow().preDose().orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-22T09:45:00Z");

    private static Map<Stream, Reading> bp(double sys, double dia, Instant at) {
        return Map.of(Stream.NIBP_SYS, new Reading(sys, at), Stream.NIBP_DIA, new Reading(dia, at));
    }

    @Test
    void aFreshPreDoseBloodPressureWithinTheGateLetsTheInfusionStart() {
        assertTrue(PreDoseCheck.evaluate(GATE, bp(138, 88, NOW.minusSeconds(120)), OptionalInt.of(40), NOW).clear());
    }

    @Test
    void aBloodPressureAbove140Over90AsksForARecheckOrAReason() {
        var r = PreDoseCheck.evaluate(GATE, bp(146, 84, NOW.minusSeconds(120)), OptionalInt.of(40), NOW);
        assertEquals(1, r.concerns().size());
        assertTrue(r.concerns().getFirst().startsWith("pre-dose BP 146/84 above 140/90"), r.concerns().getFirst());
        var e = assertThrows(IllegalStateException.class, () -> PreDoseCheck.requireReasonIfNeeded(r, Optional.of(" ")));
        assertTrue(e.getMessage().startsWith("confirming the infusion start needs a reason: pre-dose BP 146/84"), e.getMessage());
        PreDoseCheck.requireReasonIfNeeded(r, Optional.of("rechecked 138/86 manually, physician agrees"));
        assertTrue(PreDoseCheck.evaluate(GATE, bp(130, 92, NOW), OptionalInt.of(40), NOW).concerns().getFirst().contains("130/92"));
    }

    @Test
    void over65TheSystolicThresholdIs150() {
        assertTrue(PreDoseCheck.evaluate(GATE, bp(146, 84, NOW), OptionalInt.of(70), NOW).clear());
        assertEquals(List.of("pre-dose BP 152/84 above 150/90 (source: " + GATE.source() + ")"),
                PreDoseCheck.evaluate(GATE, bp(152, 84, NOW), OptionalInt.of(70), NOW).concerns());
        // age unknown: the general threshold
        assertTrue(!PreDoseCheck.evaluate(GATE, bp(146, 84, NOW), OptionalInt.empty(), NOW).clear());
    }

    @Test
    void withoutAFreshPreDoseNibpFromThisSessionTheStartNeedsAReason() {
        assertEquals(List.of("no pre-dose NIBP recorded in this session"),
                PreDoseCheck.evaluate(GATE, Map.of(), OptionalInt.of(40), NOW).concerns());
        assertEquals(List.of("the pre-dose NIBP is 40 min old (needs one from the last 15 min)"),
                PreDoseCheck.evaluate(GATE, bp(120, 80, NOW.minus(Duration.ofMinutes(40))), OptionalInt.of(40), NOW).concerns());
    }
}
