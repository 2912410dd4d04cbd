package org.openinfusion.station.clinical.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.ProtocolException;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolLoader;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;

/** The visit schedules in the shipped protocol files, and the loader's checks of a visits section. */
class ShippedVisitSchedulesTest {
    private static final ProtocolCatalog CATALOG = ProtocolCatalog.builtIn();

    static VisitSchedule williams() {
        return CATALOG.latest("ketamine-naltrexone-crossover").orElseThrow().visits().orElseThrow();
    }

    @Test
    void williamsHasScreeningTheInfusionDayWithItsBaselineDays1To14AndACrossoverAfterAboutFourWeeks() {
        VisitSchedule v = williams();
        assertEquals(List.of("screening", "infusion", "day1", "day3", "day5", "day7", "day14"), v.visits().stream().map(PlannedVisit::id).toList());
        assertEquals(List.of(1, 3, 5, 7, 14), v.visits().stream().filter(p -> p.anchor() == VisitAnchor.PERIOD_INFUSION).map(PlannedVisit::day).toList());
        assertEquals(2, v.periods());
        assertEquals(28, v.washout().orElseThrow().days());
        assertEquals("baseline", v.infusionVisit().baselineTimePoint());
        assertTrue(v.visits().stream().filter(p -> p.kind() == VisitKind.RATING).allMatch(p -> p.instruments().contains("hamd17")));
        assertEquals(List.of("hamd17", "hamd6"), v.outcomes().stream().map(OutcomeRule::measure).toList());
        assertEquals(7, v.outcomes().getFirst().remissionAtMost().getAsInt());
        assertTrue(v.visits().stream().allMatch(p -> p.source().contains("Williams 2018")), "every visit names its source");
    }

    @Test
    void mansooriHasTheInfusionDayThen24HoursAnd7DaysOfHamAAndCraving() {
        Protocol p = CATALOG.latest("ketamine-buprenorphine-double-dummy").orElseThrow();
        VisitSchedule v = p.visits().orElseThrow();
        assertEquals(List.of("infusion", "h24", "day7"), v.visits().stream().map(PlannedVisit::id).toList());
        assertEquals(List.of(1, 7), v.visits().stream().filter(x -> x.kind() == VisitKind.RATING).map(PlannedVisit::day).toList());
        assertEquals(List.of("ham_a", "ocs"), v.visit("h24").orElseThrow().instruments());
        assertEquals(1, v.periods());
        assertTrue(p.timePoint("t2h").isPresent(), "2 h is a time point of the infusion session");
        assertTrue(v.visits().stream().allMatch(x -> x.source().contains("Mansoori 2025")));
    }

    @Test
    void theAslMriCrossoverHasEachPeriodsInfusionDayAndDay1WithMadrsAndQidsSrAndPsiDuringTheInfusion() {
        Protocol p = CATALOG.latest("ketamine-naltrexone-asl-mri").orElseThrow();
        VisitSchedule v = p.visits().orElseThrow();
        assertEquals(List.of("infusion", "day1"), v.visits().stream().map(PlannedVisit::id).toList());
        assertEquals(List.of("madrs", "qids_sr16"), v.visit("day1").orElseThrow().instruments());
        assertEquals(VisitAnchor.PERIOD_INFUSION, v.visit("day1").orElseThrow().anchor());
        assertEquals(2, v.periods(), "a crossover: each period has its infusion day and its day 1");
        assertTrue(p.timePoint("t20").orElseThrow().instruments().contains("psi"), "PSI during the infusion");
        assertTrue(p.timePoint("baseline").orElseThrow().instruments().containsAll(List.of("madrs", "qids_sr16")),
                "day 1 has a baseline of its own instruments to be compared with");
        assertEquals(Duration.ofMinutes(45), p.pretreatment().orElseThrow().beforeInfusion());
        assertTrue(v.visits().stream().allMatch(x -> x.source().contains("2026 ASL-MRI")), "every visit names its source");
        assertTrue(v.washout().orElseThrow().source().contains("UNVERIFIED"), "the washout is not given for this study");
    }

    @Test
    void everyInstrumentAVisitNamesIsInstalled() {
        InstrumentCatalog instruments = InstrumentCatalog.builtIn();
        CATALOG.all().stream().flatMap(p -> p.visits().stream()).flatMap(v -> v.visits().stream()).flatMap(x -> x.instruments().stream())
                .forEach(id -> instruments.get(id));
        assertFalse(CATALOG.latest("ketamine-midazolam-active-placebo").orElseThrow().visits().isPresent(),
                "Dakwar 2020's follow-up visits are not in the reference: no schedule is made up");
    }

    private static final String MINIMAL = """
            id: demo
            version: 1
            title: Demo
            label: Study drug
            arms:
              - {code: A, description: active, infusionDoseMgPerKg: 0.5, source: Trial 2020}
            infusion:
              doseMgPerKg: 0.5
              weightBasis: actual
              durationMinutes: 40
              dilution: {style: fixedFinalVolume, volumeMl: 100}
              rounding: {doseMg: 0.5, rateMlPerHour: 0.1}
              source: Trial 2020
            schedule:
              - {id: baseline, anchor: sessionStart, offsetMinutes: 0, instruments: [hamd17], windowBeforeMinutes: 0, windowAfterMinutes: 15, overdueAfterMinutes: 5, source: site default}
            vitals: {nibpEveryMinutes: 5, nibpMaxAgeMinutes: 6, nibpAfterInfusionEveryMinutes: 15, source: site default}
            alarms:
              - {stream: hr, low: 50, high: 120, priority: high, maxAgeSeconds: 15, source: NCT05803551}
            discharge: {minMinutesAfterInfusionEnd: 120, cadssMax: 4, moaasMin: 5, vitalsWithinPercentOfBaseline: 20, vitalsMaxAgeMinutes: 15, source: site default}
            visits:
              periods: 1
              schedule:
                - {number: 1, id: infusion, name: Infusion day, kind: infusion, anchor: consent, day: 0, windowBeforeDays: 0, windowAfterDays: 7, baselineTimePoint: baseline, source: Trial 2020}
                - {number: 2, id: day1, name: Day 1, kind: rating, anchor: periodInfusion, day: 1, windowBeforeDays: 0, windowAfterDays: 0, instruments: [hamd17], source: Trial 2020}
            """;

    private static Protocol load(String yaml) {
        return ProtocolLoader.load("site/demo.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aVisitWithoutItsSourceOrWithAnUnknownBaselineOrACrossoverWithoutWashoutIsRefusedNamingTheField() {
        assertEquals(2, load(MINIMAL).visits().orElseThrow().visits().size());
        assertEquals("site/demo.yaml: visits.schedule[1].source: is missing",
                assertThrows(ProtocolException.class, () -> load(MINIMAL.replace("instruments: [hamd17], source: Trial 2020}", "instruments: [hamd17]}")))
                        .getMessage());
        assertEquals("site/demo.yaml: visits: baselineTimePoint 'pre' is not a time point of the schedule",
                assertThrows(ProtocolException.class, () -> load(MINIMAL.replace("baselineTimePoint: baseline", "baselineTimePoint: pre"))).getMessage());
        assertEquals("site/demo.yaml: visits: a crossover (periods > 1) needs a washout",
                assertThrows(ProtocolException.class, () -> load(MINIMAL.replace("periods: 1", "periods: 2"))).getMessage());
        assertEquals("site/demo.yaml: visits.schedule[1].anchor: 'weekly' is not one of [CONSENT, FIRST_INFUSION, PERIOD_INFUSION]",
                assertThrows(ProtocolException.class, () -> load(MINIMAL.replace("anchor: periodInfusion", "anchor: weekly"))).getMessage());
    }
}
