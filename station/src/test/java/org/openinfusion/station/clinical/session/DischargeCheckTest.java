package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.DischargeCriteria;
import org.openinfusion.station.clinical.session.DischargeCheck.Inputs;
import org.openinfusion.station.clinical.session.DischargeCheck.Rated;
import org.openinfusion.station.clinical.session.DischargeCheck.Reading;
import org.openinfusion.station.clinical.session.DischargeCheck.Status;
import org.openinfusion.station.domain.Stream;

class DischargeCheckTest {
    private static final DischargeCriteria CRITERIA = new DischargeCriteria(Duration.ofMinutes(120), 4, 5, 20, Duration.ofMinutes(15),
            "test");
    private static final Instant END = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant NOW = END.plus(Duration.ofMinutes(125));
    private static final Map<Stream, Reading> BASELINE = vitals(END.minus(Duration.ofMinutes(45)), 70, 120, 80);
    private static final Rated CADSS_BASELINE_0 = new Rated("baseline", END.minus(Duration.ofMinutes(50)), OptionalInt.of(0), true);
    private static final Rated CADSS_T120_2 = new Rated("t120", END.plus(Duration.ofMinutes(80)), OptionalInt.of(2), true);
    private static final Rated MOAAS_EOI_3 = new Rated("end-of-infusion", END.plus(Duration.ofMinutes(2)), OptionalInt.of(3), true);
    private static final Rated MOAAS_T120_5 = new Rated("t120", END.plus(Duration.ofMinutes(81)), OptionalInt.of(5), true);

    private static Map<Stream, Reading> vitals(Instant at, double hr, double sys, double dia) {
        return Map.of(Stream.HR, new Reading(hr, at), Stream.NIBP_SYS, new Reading(sys, at), Stream.NIBP_DIA, new Reading(dia, at));
    }

    private static Status status(DischargeCheck.Result r, String name) {
        return r.criteria().stream().filter(c -> c.name().startsWith(name)).findFirst().orElseThrow().status();
    }

    private static String detail(DischargeCheck.Result r, String name) {
        return r.criteria().stream().filter(c -> c.name().startsWith(name)).findFirst().orElseThrow().detail();
    }

    @Test
    void readyWhenEveryCriterionIsMetOnThisSessionsPostInfusionData() {
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, NOW, List.of(CADSS_BASELINE_0, CADSS_T120_2),
                List.of(MOAAS_EOI_3, MOAAS_T120_5), BASELINE, vitals(NOW.minus(Duration.ofMinutes(3)), 75, 130, 85), List.of()));
        assertTrue(r.ready(), r.toString());
        assertEquals("125 of 120 min", detail(r, "time since"));
        assertEquals("2 at t120 (needs <= 4)", detail(r, "CADSS"));
        assertEquals("5 at t120 (needs >= 5)", detail(r, "MOAA/S"));
    }

    @Test
    void aBaselineCadssOfZeroDoesNotStandInForAMissingPostInfusionCadss() {
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, NOW, List.of(CADSS_BASELINE_0), List.of(MOAAS_T120_5), BASELINE,
                vitals(NOW, 75, 130, 85), List.of()));
        assertFalse(r.ready());
        assertEquals(Status.UNKNOWN, status(r, "CADSS"));
        assertEquals("not rated since the end of infusion; needs <= 4", detail(r, "CADSS"));
    }

    @Test
    void aPostInfusionCadssWithItemsNotAssessedCannotSatisfyTheLimit() {
        Rated empty = new Rated("t120", END.plus(Duration.ofMinutes(80)), OptionalInt.of(0), false);
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, NOW, List.of(CADSS_T120_2, empty).reversed(), List.of(MOAAS_T120_5),
                BASELINE, vitals(NOW, 75, 130, 85), List.of()));
        assertEquals(Status.NOT_MET, status(r, "CADSS"), r.toString());
        assertFalse(r.ready());
    }

    @Test
    void moaasIsReadFromTheLatestPostInfusionRatingNotTheEndOfInfusionOne() {
        var later3 = new Rated("t120", END.plus(Duration.ofMinutes(81)), OptionalInt.of(3), true);
        var eoi5 = new Rated("end-of-infusion", END.plus(Duration.ofMinutes(2)), OptionalInt.of(5), true);
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, NOW, List.of(CADSS_T120_2), List.of(eoi5, later3), BASELINE,
                vitals(NOW, 75, 130, 85), List.of()));
        assertEquals(Status.NOT_MET, status(r, "MOAA/S"));
        assertEquals("3 at t120 (needs >= 5)", detail(r, "MOAA/S"));
    }

    @Test
    void vitalsOlderThanTheProtocolsAgeLimitDoNotMeetTheCriterion() {
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, NOW, List.of(CADSS_T120_2), List.of(MOAAS_T120_5), BASELINE,
                vitals(NOW.minus(Duration.ofMinutes(22)), 70, 120, 80), List.of()));
        assertFalse(r.ready());
        assertEquals(Status.NOT_MET, status(r, "nibp_sys"));
        assertEquals("latest value is 22 min old (needs a value from the last 15 min)", detail(r, "nibp_sys"));
    }

    @Test
    void withoutThisSessionsPreDoseValuesTheVitalsCriterionIsUnknown() {
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, NOW, List.of(CADSS_T120_2), List.of(MOAAS_T120_5), Map.of(),
                vitals(NOW, 70, 120, 80), List.of()));
        assertFalse(r.ready());
        assertEquals(Status.UNKNOWN, status(r, "hr"));
        assertEquals("no pre-dose value recorded in this session", detail(r, "hr"));
    }

    @Test
    void cannotBeMetWhileAScheduledRatingIsOutstanding() {
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, NOW, List.of(CADSS_T120_2), List.of(MOAAS_T120_5), BASELINE,
                vitals(NOW, 75, 130, 85), List.of("t180")));
        assertFalse(r.ready());
        assertEquals("still to rate or mark not assessed: t180", detail(r, "scheduled ratings"));
    }

    @Test
    void notReadyWithTheReasonsAndFigures() {
        var r = DischargeCheck.evaluate(CRITERIA, new Inputs(END, END.plus(Duration.ofMinutes(90)),
                List.of(new Rated("t80", END.plus(Duration.ofMinutes(40)), OptionalInt.of(9), true)), List.of(), BASELINE,
                vitals(END.plus(Duration.ofMinutes(88)), 75, 150, 85), List.of()));
        assertFalse(r.ready());
        assertEquals(Status.NOT_MET, status(r, "time since"));
        assertEquals("9 at t80 (needs <= 4)", detail(r, "CADSS"));
        assertEquals(Status.UNKNOWN, status(r, "MOAA/S"));
        assertEquals("150 vs baseline 120 (25%)", detail(r, "nibp_sys"));
        assertEquals(Status.NOT_MET, status(r, "nibp_sys"));
    }
}
