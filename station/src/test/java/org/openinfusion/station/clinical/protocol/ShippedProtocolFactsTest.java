package org.openinfusion.station.clinical.protocol;

import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.domain.Stream;

/** The facts of clinical.md (review corrections) as the shipped protocol files state them, each with its source. */
class ShippedProtocolFactsTest {
    private static final ProtocolCatalog CATALOG = ProtocolCatalog.builtIn();
    private static final SealedArms.UnblindingPermit PERMIT = SealedArms.UnblindingPermit.issue("test of the protocol facts");

    private static Protocol latest(String id) {
        return CATALOG.latest(id).orElseThrow();
    }

    private static Arm arm(Protocol p, String code) {
        return p.arms().reveal(code, PERMIT).orElseThrow();
    }

    private static ScheduleEntry timePoint(Protocol p, String id) {
        return p.timePoint(id).orElseThrow(() -> new AssertionError(p.id() + " has no time point " + id));
    }

    @Test
    void theMidazolamActivePlaceboIsPointZeroTwoFiveMilligramsPerKilogramOverFiftyTwoMinutesAfterDakwar2020() {
        Protocol p = latest("ketamine-midazolam-active-placebo");
        Arm mdz = arm(p, "MDZ");
        assertEquals(0.025, mdz.infusionDoseMgPerKg());
        assertTrue(mdz.source().startsWith("Dakwar 2020"), mdz.source());
        assertTrue(mdz.sedative());
        assertEquals(Duration.ofMinutes(52), p.infusion().duration());
        assertEquals(0.71, arm(p, "KET").infusionDoseMgPerKg());
        // 70 kg: 1.75 mg of midazolam, at the same 60 mL and 69.2 mL/h as the ketamine arm
        assertEquals(1.75, mdz.infusionDoseMgPerKg() * 70, 1e-9);
        assertEquals(69.2, DoseCalculator.plan(p.infusion(), SubjectMeasures.weight(70)).rateMlPerHour());
    }

    @Test
    void theMidazolamProtocolRaisesRespiratoryAlarmsAtHighPriority() {
        Protocol p = latest("ketamine-midazolam-active-placebo");
        List<AlarmLimit> respiratory = p.alarms().stream().filter(a -> a.stream() == Stream.RESP_RATE || a.stream() == Stream.ETCO2).toList();
        assertEquals(2, respiratory.size());
        assertTrue(respiratory.stream().allMatch(a -> a.priority() == AlarmPriority.HIGH), respiratory.toString());
    }

    @Test
    void theBuprenorphineProtocolRatesHamAAndOpioidCravingAtBaselineAndTwoHoursAfterTheInfusionAsMansoori2025() {
        Protocol p = latest("ketamine-buprenorphine-double-dummy");
        ScheduleEntry baseline = timePoint(p, "baseline");
        assertTrue(baseline.instruments().containsAll(List.of("ham_a", "ocs")), baseline.instruments().toString());
        assertTrue(baseline.source().startsWith("Mansoori 2025"), baseline.source());
        ScheduleEntry twoHours = timePoint(p, "t2h");
        assertEquals(Anchor.INFUSION_END, twoHours.anchor());
        assertEquals(Duration.ofMinutes(120), twoHours.offset());
        assertTrue(twoHours.instruments().containsAll(List.of("ham_a", "ocs")));
        assertTrue(twoHours.source().contains("methods text: 1 h"), "the choice between the tables and the methods text is recorded");
        // the acute dissociation schedule copied from the other protocols is gone
        assertTrue(p.timePoint("t20").isEmpty());
        assertTrue(p.schedule().stream().noneMatch(e -> e.instruments().contains("bprs_pos")));
    }

    @Test
    void theNaltrexoneBaselineIsRatedFortyFiveMinutesAfterTheCapsuleJustBeforeTheInfusionAsWilliams2018() {
        Protocol p = latest("ketamine-naltrexone-crossover");
        Pretreatment capsule = p.pretreatment().orElseThrow();
        assertEquals(Duration.ofMinutes(45), capsule.beforeInfusion());
        assertTrue(capsule.source().startsWith("Williams 2018"));
        ScheduleEntry baseline = timePoint(p, "baseline");
        assertEquals(Anchor.PRETREATMENT, baseline.anchor());
        assertEquals(capsule.beforeInfusion(), baseline.offset());
        assertTrue(baseline.instruments().containsAll(List.of("hamd17", "cadss", "vas")), baseline.instruments().toString());
        assertTrue(baseline.source().startsWith("Williams 2018"));
        assertTrue(baseline.source().contains("BPRS+ site default"), "BPRS is not in Williams: it says so");
        assertEquals(0.5, arm(p, "A").infusionDoseMgPerKg());
        assertEquals(Duration.ofMinutes(40), p.infusion().duration());
    }

    @Test
    void alarmLimitsWithoutATrialSourceSaySiteDefault() {
        for (Protocol p : List.of(latest("ketamine-naltrexone-crossover"), latest("ketamine-buprenorphine-double-dummy"),
                latest("ketamine-midazolam-active-placebo"))) {
            assertEquals("site default", limit(p, Stream.SPO2, 92).source(), p.id());
            assertEquals("NCT05803551 SpO2 < 95 %", limit(p, Stream.SPO2, 95).source(), p.id());
            assertTrue(limit(p, Stream.NIBP_DIA, 50).source().startsWith("site default"), p.id());
            assertEquals("site default", p.alarms().stream().filter(a -> a.stream() == Stream.ETCO2).findFirst().orElseThrow().source());
            assertTrue(p.alarms().stream().noneMatch(a -> a.source().isBlank()));
            assertTrue(p.holdRules().stream().noneMatch(h -> h.source().isBlank()));
            assertFalse(p.discharge().source().isBlank());
            assertEquals(Duration.ofMinutes(15), p.vitals().nibpAfterInfusionEvery());
            assertEquals(140, p.preDose().orElseThrow().systolicAbove());
        }
    }

    private static AlarmLimit limit(Protocol p, Stream s, double low) {
        return p.alarms().stream().filter(a -> a.stream() == s && a.low().isPresent() && a.low().getAsDouble() == low).findFirst()
                .orElseThrow(() -> new AssertionError(p.id() + " has no low limit " + low + " on " + s));
    }

    @Test
    void supersededVersionOneFilesStayLoadedToReadOldSessionsButNewSessionsGetVersionTwo() {
        assertEquals(0.045, arm(CATALOG.get("ketamine-midazolam-active-placebo", 1).orElseThrow(), "MDZ").infusionDoseMgPerKg());
        assertEquals(2, latest("ketamine-midazolam-active-placebo").version());
        assertEquals(2, latest("ketamine-naltrexone-crossover").version());
        assertEquals(2, latest("ketamine-buprenorphine-double-dummy").version());
    }
}
