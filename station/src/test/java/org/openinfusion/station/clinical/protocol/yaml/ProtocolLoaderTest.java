package org.openinfusion.station.clinical.protocol.yaml;

import java.util.OptionalInt;
import org.openinfusion.station.clinical.protocol.PreDoseGate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.protocol.Dilution;
import org.openinfusion.station.clinical.protocol.HoldRule;
import org.openinfusion.station.clinical.protocol.AeTerm;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ProtocolException;

class ProtocolLoaderTest {
    private static final String VALID = """
            id: demo
            version: 2
            title: Demo
            label: Study drug
            arms:
              - {code: A, description: active, infusionDoseMgPerKg: 0.5, source: Trial 2020}
              - {code: B, description: placebo, infusionDoseMgPerKg: 0, source: Trial 2020}
            infusion:
              doseMgPerKg: 0.5
              weightBasis: actual
              durationMinutes: 40
              dilution: {style: fixedFinalVolume, volumeMl: 100}
              rounding: {doseMg: 0.5, rateMlPerHour: 0.1}
              source: Trial 2020
            schedule:
              - {id: eoi, anchor: infusionEnd, offsetMinutes: 0, instruments: [cadss], windowBeforeMinutes: 5, windowAfterMinutes: 15, overdueAfterMinutes: 5, source: site default}
            vitals: {nibpEveryMinutes: 5, nibpMaxAgeMinutes: 6, nibpAfterInfusionEveryMinutes: 15, source: site default}
            alarms:
              - {stream: hr, low: 50, high: 120, priority: high, maxAgeSeconds: 15, source: NCT05803551}
            hold:
              - {id: sbp, stream: nibp_sys, above: 180, advice: consider pausing, source: site default}
            discharge: {minMinutesAfterInfusionEnd: 120, cadssMax: 4, moaasMin: 5, vitalsWithinPercentOfBaseline: 20, vitalsMaxAgeMinutes: 15, source: site default}
            """;

    private static Protocol load(String yaml) {
        return ProtocolLoader.load("site/demo.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProtocolException invalid(String yaml) {
        return assertThrows(ProtocolException.class, () -> load(yaml));
    }

    @Test
    void everyShippedProtocolOffersItsSourcedAdverseEventTermsAndNoneForTheComparator() {
        ProtocolCatalog c = ProtocolCatalog.builtIn();
        for (String id : List.of("ketamine-naltrexone-crossover", "ketamine-buprenorphine-double-dummy", "ketamine-midazolam-active-placebo")) {
            List<AeTerm> terms = c.latest(id).orElseThrow().adverseEventTerms();
            assertEquals(List.of("Emergence reaction", "Hypertension", "Dissociation", "Sedation", "Respiratory event", "Mania"),
                    terms.stream().map(AeTerm::term).toList(), id);
            assertTrue(terms.getFirst().source().contains("~12 %"), terms.getFirst().source());
            assertTrue(terms.get(1).source().contains("0.98 %"), terms.get(1).source());
            assertTrue(terms.get(2).source().startsWith("esketamine REMS monitoring form"), terms.get(2).source());
            assertTrue(terms.getLast().source().startsWith("Mansoori 2025"), terms.getLast().source());
        }
        assertEquals(List.of(), load(VALID).adverseEventTerms(), "the list is optional");
    }

    @Test
    void anAdverseEventTermNeedsItsSourceAndIsListedOnce() {
        String noSource = VALID + "adverseEventTerms:\n  - {term: Hypertension}\n";
        assertTrue(invalid(noSource).getMessage().contains("adverseEventTerms"), invalid(noSource).getMessage());
        String twice = VALID + "adverseEventTerms:\n  - {term: Hypertension, source: a}\n  - {term: hypertension, source: b}\n";
        assertTrue(invalid(twice).getMessage().contains("a term is listed twice"), invalid(twice).getMessage());
    }

    @Test
    void theFourShippedProtocolsLoad() {
        ProtocolCatalog c = ProtocolCatalog.builtIn();
        assertEquals(List.of("ketamine-naltrexone-crossover", "ketamine-buprenorphine-double-dummy", "ketamine-midazolam-active-placebo",
                "ketamine-naltrexone-asl-mri"), c.all().stream().map(Protocol::id).distinct().toList());
        Protocol naltrexone = c.latest("ketamine-naltrexone-crossover").orElseThrow();
        assertEquals(Duration.ofMinutes(45), naltrexone.pretreatment().orElseThrow().beforeInfusion());
        assertEquals(Duration.ofMinutes(40), naltrexone.infusion().duration());
        Protocol midazolam = c.latest("ketamine-midazolam-active-placebo").orElseThrow();
        assertEquals(0.71, midazolam.infusion().doseMgPerKg());
        assertEquals(Duration.ofMinutes(52), midazolam.infusion().duration());
        assertTrue(midazolam.pretreatment().isEmpty());
        assertEquals(2, c.latest("ketamine-buprenorphine-double-dummy").orElseThrow().arms().count());
    }

    @Test
    void aValidFileGivesAllItsParts() {
        Protocol p = load(VALID);
        assertEquals("demo", p.id());
        assertEquals(2, p.version());
        assertEquals(new Dilution.FixedFinalVolume(100), p.infusion().dilution());
        assertEquals(Anchor.INFUSION_END, p.schedule().getFirst().anchor());
        assertEquals(AlarmPriority.HIGH, p.alarms().getFirst().priority());
        assertEquals(HoldRule.Comparison.ABOVE, p.holdRules().getFirst().comparison());
    }

    @Test
    void armsNeverShowInToStringOrExceptionText() {
        Protocol p = load(VALID);
        assertFalse(p.toString().contains("placebo"), p.toString());
        assertFalse(p.toString().contains("active,"));
    }

    @Test
    void errorsNameTheFileTheFieldAndTheProblem() {
        ProtocolException missing = invalid(VALID.replace("  durationMinutes: 40\n", ""));
        assertEquals("site/demo.yaml: infusion.durationMinutes: is missing", missing.getMessage());

        ProtocolException unknown = invalid(VALID.replace("label: Study drug", "label: Study drug\ncolour: blue"));
        assertEquals("colour", unknown.field());

        ProtocolException type = invalid(VALID.replace("doseMgPerKg: 0.5\n  weightBasis", "doseMgPerKg: half\n  weightBasis"));
        assertEquals("site/demo.yaml: infusion.doseMgPerKg: must be a number, got 'half'", type.getMessage());

        ProtocolException choice = invalid(VALID.replace("weightBasis: actual", "weightBasis: heaviest"));
        assertTrue(choice.getMessage().contains("infusion.weightBasis: 'heaviest' is not one of [ACTUAL, IDEAL, ADJUSTED]"), choice.getMessage());

        ProtocolException range = invalid(VALID.replace("priority: high, maxAgeSeconds: 15", "priority: high, maxAgeSeconds: 0"));
        assertEquals("alarms[0].maxAgeSeconds", range.field());

        ProtocolException stream = invalid(VALID.replace("stream: hr,", "stream: ecg_ii,"));
        assertTrue(stream.getMessage().contains("alarms[0].stream: 'ecg_ii' is not a numeric stream"), stream.getMessage());

        ProtocolException order = invalid(VALID.replace("low: 50, high: 120", "low: 130, high: 120"));
        assertTrue(order.getMessage().contains("alarms[0]: limit on hr: low must be below high"), order.getMessage());

        ProtocolException anchor = invalid(VALID.replace("anchor: infusionEnd", "anchor: pretreatment"));
        assertTrue(anchor.getMessage().contains("schedule[0].anchor: PRETREATMENT needs a pretreatment section"), anchor.getMessage());

        ProtocolException windows = invalid(VALID.replace("windowAfterMinutes: 15, overdueAfterMinutes: 5", "windowAfterMinutes: 15, overdueAfterMinutes: 20"));
        assertTrue(windows.getMessage().contains("overdue must come before the window closes"), windows.getMessage());

        ProtocolException yaml = invalid("id: [unclosed");
        assertTrue(yaml.getMessage().startsWith("site/demo.yaml: not valid YAML"), yaml.getMessage());

        ProtocolException duplicate = invalid(VALID.replace("{code: B,", "{code: A,"));
        assertEquals("arms[1].code", duplicate.field());
    }

    @Test
    void everyDoseLimitAndTimePointMustNameItsSource() {
        ProtocolException arm = invalid(VALID.replace(", infusionDoseMgPerKg: 0, source: Trial 2020}", ", infusionDoseMgPerKg: 0}"));
        assertEquals("site/demo.yaml: arms[1].source: is missing", arm.getMessage());
        ProtocolException infusion = invalid(VALID.replace("  source: Trial 2020\n", ""));
        assertEquals("site/demo.yaml: infusion.source: is missing", infusion.getMessage());
        ProtocolException limit = invalid(VALID.replace(", source: NCT05803551}", "}"));
        assertEquals("site/demo.yaml: alarms[0].source: is missing", limit.getMessage());
        ProtocolException hold = invalid(VALID.replace("advice: consider pausing, source: site default}", "advice: consider pausing}"));
        assertEquals("site/demo.yaml: hold[0].source: is missing", hold.getMessage());
        ProtocolException schedule = invalid(VALID.replace("overdueAfterMinutes: 5, source: site default}", "overdueAfterMinutes: 5}"));
        assertEquals("site/demo.yaml: schedule[0].source: is missing", schedule.getMessage());
        ProtocolException discharge = invalid(VALID.replace("vitalsMaxAgeMinutes: 15, source: site default}", "vitalsMaxAgeMinutes: 15}"));
        assertEquals("site/demo.yaml: discharge.source: is missing", discharge.getMessage());
        ProtocolException blank = invalid(VALID.replace("source: NCT05803551", "source: ' '"));
        assertEquals("site/demo.yaml: alarms[0].source: must be a non-empty text", blank.getMessage());
        assertEquals("NCT05803551", load(VALID).alarms().getFirst().source());
    }

    @Test
    void aSedativeArmNeedsHighPriorityRespiratoryAlarms() {
        String sedative = VALID.replace("infusionDoseMgPerKg: 0, source: Trial 2020}", "infusionDoseMgPerKg: 0.025, sedative: true, source: Trial 2020}");
        assertEquals("site/demo.yaml: alarms: an arm is sedative: the protocol needs an alarm limit on rr", invalid(sedative).getMessage());
        String medium = sedative.replace("alarms:\n", """
                alarms:
                  - {stream: rr, low: 10, high: 30, priority: medium, maxAgeSeconds: 30, source: NCT05803551}
                  - {stream: etco2, low: 25, high: 50, priority: high, maxAgeSeconds: 30, source: site default}
                """);
        assertEquals("site/demo.yaml: alarms[0].priority: an arm is sedative: alarms on rr must be high priority", invalid(medium).getMessage());
        assertTrue(load(medium.replace("priority: medium", "priority: high")).arms().anySedative());
    }

    @Test
    void aPreDoseGateReadsItsThresholdsWithTheOlderAgeRule() {
        Protocol p = load(VALID + "preDose: {systolicAbove: 140, diastolicAbove: 90, olderFromAgeYears: 65, olderSystolicAbove: 150, nibpMaxAgeMinutes: 15, source: esketamine}\n");
        PreDoseGate g = p.preDose().orElseThrow();
        assertEquals(140, g.systolicAboveFor(OptionalInt.of(65)));
        assertEquals(150, g.systolicAboveFor(OptionalInt.of(66)));
        assertEquals(140, g.systolicAboveFor(OptionalInt.empty()));
        ProtocolException half = invalid(VALID + "preDose: {systolicAbove: 140, diastolicAbove: 90, olderFromAgeYears: 65, nibpMaxAgeMinutes: 15, source: x}\n");
        assertEquals("site/demo.yaml: preDose: give both olderFromAgeYears and olderSystolicAbove, or neither", half.getMessage());
    }

    @Test
    void aConcentrationAboveTheLabelsIvMaximumIsRefused() {
        String conc = VALID.replace("dilution: {style: fixedFinalVolume, volumeMl: 100}", "dilution: {style: fixedConcentration, concentrationMgPerMl: 100}");
        assertEquals("site/demo.yaml: infusion.dilution.concentrationMgPerMl: must be between 0.01 and 50.0, got 100.0", invalid(conc).getMessage());
    }
}
