package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.PreDoseGate;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.session.DischargeCheck.Reading;
import org.openinfusion.station.clinical.session.StartGates.Kind;
import org.openinfusion.station.clinical.session.StartGates.Unmet;
import org.openinfusion.station.domain.Stream;

/** Every pre-dose gate judged together against the naltrexone crossover's protocol file. */
class StartGatesTest {
    private static final Protocol NALTREXONE = ProtocolCatalog.builtIn().latest("ketamine-naltrexone-crossover").orElseThrow();
    private static final PreDoseGate GATE = NALTREXONE.preDose().orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-22T09:45:00Z");
    private static final Optional<PretreatmentLead> NO_LEAD = Optional.empty();

    private static Map<Stream, Reading> bp(double sys, double dia, Instant at) {
        return Map.of(Stream.NIBP_SYS, new Reading(sys, at), Stream.NIBP_DIA, new Reading(dia, at));
    }

    private static List<Unmet> gates(Map<Stream, Reading> preDose, OptionalInt age) {
        return StartGates.evaluate(NO_LEAD, Optional.of(GATE), preDose, age, NOW);
    }

    private static List<Kind> kinds(List<Unmet> unmet) {
        return unmet.stream().map(Unmet::kind).toList();
    }

    @Test
    void aFreshPreDoseBloodPressureWithinTheGateAfterTheLeadLetsTheInfusionStartWithoutAReason() {
        var lead = Optional.of(new PretreatmentLead(NALTREXONE.pretreatment().orElseThrow(), NOW.minus(Duration.ofMinutes(45))));
        List<Unmet> none = StartGates.evaluate(lead, Optional.of(GATE), bp(138, 88, NOW.minusSeconds(120)), OptionalInt.of(40), NOW);
        assertEquals(List.of(), none);
        assertEquals(List.of(), StartGates.requireExactOverride(none, Set.of(), Optional.empty()));
    }

    @Test
    void aBloodPressureAbove140Over90IsAGateWithItsFiguresAndSource() {
        List<Unmet> r = gates(bp(146, 84, NOW.minusSeconds(120)), OptionalInt.of(40));
        assertEquals(List.of(new Unmet(Kind.BP_ABOVE_LIMIT, List.of("146", "84", "140", "90"), "pre-dose BP 146/84 above 140/90",
                Optional.of(GATE.source()))), r);
        var e = assertThrows(IllegalStateException.class, () -> StartGates.requireExactOverride(r, Set.of(Kind.BP_ABOVE_LIMIT),
                Optional.of(" ")));
        assertTrue(e.getMessage().startsWith("Infusion start not confirmed: pre-dose BP 146/84 above 140/90 (source: "), e.getMessage());
        assertEquals(r, StartGates.requireExactOverride(r, Set.of(Kind.BP_ABOVE_LIMIT), Optional.of("rechecked 138/86, physician agrees")));
        assertEquals(List.of(Kind.BP_ABOVE_LIMIT), kinds(gates(bp(130, 92, NOW), OptionalInt.of(40))), "diastolic alone");
    }

    @Test
    void over65TheSystolicThresholdIs150AndAnUnknownAgeGetsTheGeneralOne() {
        assertEquals(List.of(), gates(bp(146, 84, NOW), OptionalInt.of(70)));
        assertEquals(List.of("152", "84", "150", "90"), gates(bp(152, 84, NOW), OptionalInt.of(70)).getFirst().figures());
        assertEquals(List.of(Kind.BP_ABOVE_LIMIT), kinds(gates(bp(146, 84, NOW), OptionalInt.empty())));
    }

    @Test
    void aMissingOrStalePreDoseNibpIsAGate() {
        assertEquals(List.of(new Unmet(Kind.NO_PRE_DOSE_NIBP, List.of(), "no pre-dose NIBP recorded in this session",
                Optional.of(GATE.source()))), gates(Map.of(), OptionalInt.of(40)));
        List<Unmet> stale = gates(bp(152, 80, NOW.minus(Duration.ofMinutes(40))), OptionalInt.of(40));
        assertEquals(List.of(Kind.STALE_PRE_DOSE_NIBP, Kind.BP_ABOVE_LIMIT), kinds(stale), "both are shown, not the first only");
        assertEquals("the pre-dose NIBP is 40 min old (needs one from the last 15 min)", stale.getFirst().detail());
        assertEquals(List.of("40", "15"), stale.getFirst().figures());
    }

    @Test
    void anEarlyStartWithoutAPreDoseNibpHasTwoGatesAndAnOverrideMustNameExactlyBoth() {
        Instant capsule = NOW.minus(Duration.ofMinutes(30));
        var lead = Optional.of(new PretreatmentLead(NALTREXONE.pretreatment().orElseThrow(), capsule));
        List<Unmet> unmet = StartGates.evaluate(lead, Optional.of(GATE), Map.of(), OptionalInt.of(40), NOW);
        assertEquals(List.of(Kind.PRETREATMENT_LEAD, Kind.NO_PRE_DOSE_NIBP), kinds(unmet));
        assertEquals(List.of(NALTREXONE.pretreatment().orElseThrow().label(), "30", "45", "15"), unmet.getFirst().figures());
        assertEquals(Optional.of(NALTREXONE.pretreatment().orElseThrow().source()), unmet.getFirst().source());

        String reason = "scanner slot moved forward; physician agrees";
        var onlyLead = assertThrows(IllegalStateException.class,
                () -> StartGates.requireExactOverride(unmet, Set.of(Kind.PRETREATMENT_LEAD), Optional.of(reason)));
        assertTrue(onlyLead.getMessage().contains("does not name exactly the gates unmet now")
                && onlyLead.getMessage().contains("no pre-dose NIBP recorded in this session"), onlyLead.getMessage());
        var unnamed = assertThrows(IllegalStateException.class, () -> StartGates.requireExactOverride(unmet, Set.of(), Optional.of(reason)));
        assertTrue(unnamed.getMessage().contains("must name each of these gates"), unnamed.getMessage());
        var extra = assertThrows(IllegalStateException.class, () -> StartGates.requireExactOverride(unmet,
                Set.of(Kind.PRETREATMENT_LEAD, Kind.NO_PRE_DOSE_NIBP, Kind.BP_ABOVE_LIMIT), Optional.of(reason)));
        assertTrue(extra.getMessage().contains("does not name exactly"), extra.getMessage());
        var noReason = assertThrows(IllegalStateException.class,
                () -> StartGates.requireExactOverride(unmet, Set.of(Kind.PRETREATMENT_LEAD, Kind.NO_PRE_DOSE_NIBP), Optional.empty()));
        assertTrue(noReason.getMessage().endsWith("Take a blood pressure now, or give a reason to confirm the start anyway."),
                noReason.getMessage());

        assertEquals(unmet, StartGates.requireExactOverride(unmet, Set.of(Kind.PRETREATMENT_LEAD, Kind.NO_PRE_DOSE_NIBP),
                Optional.of(reason)));
    }

    @Test
    void anOverrideShownBeforeAGateClearedIsRefusedSoTheNurseSeesTheListThatHoldsNow() {
        List<Unmet> leadReachedAndCuffTaken = List.of();
        var e = assertThrows(IllegalStateException.class, () -> StartGates.requireExactOverride(leadReachedAndCuffTaken,
                Set.of(Kind.PRETREATMENT_LEAD), Optional.of("scanner slot")));
        assertTrue(e.getMessage().contains("names gates that are met now"), e.getMessage());
    }
}
