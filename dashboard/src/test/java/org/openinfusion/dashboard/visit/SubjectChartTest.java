package org.openinfusion.dashboard.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.visit.SubjectFacts;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitSchedule;

/** The clinic list's rows and the timeline chart worked out from a subject's facts on the shipped Williams schedule. */
class SubjectChartTest {
    private static final VisitSchedule WILLIAMS = ProtocolCatalog.builtIn().latest("ketamine-naltrexone-crossover").flatMap(Protocol::visits)
            .orElseThrow();
    private final List<SubjectFacts.Infusion> infusions = new ArrayList<>();
    private final List<SubjectFacts.VisitRecord> visits = new ArrayList<>();
    private final List<SubjectFacts.Missed> missed = new ArrayList<>();
    private final List<SubjectFacts.MeasuredRating> ratings = new ArrayList<>();

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    private void rated(String sessionId, String timePoint, String day, int hamd17) {
        ratings.add(new SubjectFacts.MeasuredRating("r" + ratings.size(), sessionId, timePoint, "hamd17", at(day), Map.of("hamd17", hamd17)));
    }

    private void held(String visit, String day, int hamd17) {
        String id = "visit-" + visits.size();
        visits.add(new SubjectFacts.VisitRecord(id, visit, 1, at(day), at(day), null));
        rated(id, visit, day, hamd17);
    }

    private SubjectTimeline on(String day) {
        return SubjectTimeline.of(WILLIAMS, new SubjectFacts("KET-014", "ketamine-naltrexone-crossover", LocalDate.of(2026, 2, 3), infusions,
                visits, missed, ratings), ZoneOffset.UTC, LocalDate.parse(day));
    }

    private void periodOne() {
        untilDay3();
        held("day5", "2026-02-17", 10);
    }

    /** Screening, the infusion with its baseline, day 1 held, day 3 missed. */
    private void untilDay3() {
        held("screening", "2026-02-03", 26);
        rated("session-1", "baseline", "2026-02-10", 24);
        infusions.add(new SubjectFacts.Infusion(1, "session-1", at("2026-02-10")));
        held("day1", "2026-02-11", 12);
        missed.add(new SubjectFacts.Missed("day3", 1, at("2026-02-13"), "subject unwell"));
    }

    @Test
    void aSubjectWithOnlyAnInfusionDayCadssIsNotToldThereIsNoRatingButWhichOutcomeHasNoTotalYet() {
        ratings.add(new SubjectFacts.MeasuredRating("r0", "session-1", "baseline", "cadss", at("2026-02-10"), Map.of("cadss", 24)));
        infusions.add(new SubjectFacts.Infusion(1, "session-1", at("2026-02-10")));
        SubjectTimeline t = on("2026-02-10");
        assertEquals(List.of("CADSS"), SubjectView.infusionRatings(t).stream().map(SubjectView.InfusionRating::instrument).toList(),
                "the page lists the CADSS 24");
        String svg = SubjectChart.svg(t, "");
        assertFalse(svg.contains("No rating"), svg);
        assertTrue(svg.contains("No HAM-D17 total from a study visit yet. The chart shows the outcome measures rated at the visits; "
                + "ratings taken during the infusion sessions are not drawn."), svg);
    }

    @Test
    void theClinicListOfADayShowsWhatIsOverdueDueComingDoneAndMissedInThatOrder() {
        untilDay3();
        List<String> early = ClinicDay.rows(LocalDate.of(2026, 2, 13), List.of(on("2026-02-13"))).stream()
                .map(r -> r.visit() + " | " + r.status()).toList();
        assertEquals(List.of("Day 5 (period 1) | Due in 2 days", "Day 7 (period 1) | Due in 3 days", "Day 3 (period 1) | Missed: subject unwell"),
                early, "day 14's window opens in 9 days: not yet on the list");
        held("day5", "2026-02-17", 10);
        List<String> rows = ClinicDay.rows(LocalDate.of(2026, 2, 17), List.of(on("2026-02-17"))).stream()
                .map(r -> r.visit() + " | " + r.window() + " | " + r.status()).toList();
        assertEquals(List.of("Day 7 (period 1) | 16-18 Feb | Due today", "Day 14 (period 1) | 22-26 Feb | Due in 5 days",
                "Day 5 (period 1) | 15-16 Feb | Done out of window"), rows);
    }

    @Test
    void aScreeningHeldOnTheInfusionDaySitsBeforeTheInfusionLineAndTheAxisHasATickForEveryDayOfTheSpan() {
        // the try-out: screened and infused on 3 Feb; the chart had one date tick and the screening point on the infusion line
        held("screening", "2026-02-03", 26);
        rated("session-1", "baseline", "2026-02-03", 24);
        infusions.add(new SubjectFacts.Infusion(1, "session-1", at("2026-02-03")));
        held("day1", "2026-02-04", 12);
        SubjectTimeline t = on("2026-02-04");
        SubjectChart.Point screening = SubjectChart.points(t, "hamd17").stream().filter(p -> p.label().startsWith("Screening")).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2026, 2, 3), screening.day());
        assertEquals(-1, screening.side(), "before the infusion, which it precedes in the schedule");
        String svg = SubjectChart.svg(t, "hamd17");
        int line = Integer.parseInt(svg.replaceAll("(?s).*<line x1='(\\d+)' y1='\\d+' x2='\\1' y2='\\d+' stroke='#6a3d9a'.*", "$1"));
        Matcher circle = Pattern.compile("<circle cx='(\\d+)'[^>]*><title>Screening: 26</title>").matcher(svg);
        assertTrue(circle.find(), svg);
        assertTrue(Integer.parseInt(circle.group(1)) < line - 10, "screening at x " + circle.group(1) + ", the infusion line at " + line);
        // the span: the day before screening to the day after the last day known (period 2 due 3 Mar after the washout)
        List<String> labels = Pattern.compile("<text class='day-label'[^>]*>([^<]+)</text>").matcher(svg).results().map(m -> m.group(1)).toList();
        assertTrue(labels.size() >= 8, labels.toString());
        assertEquals("2 Feb", labels.getFirst());
        assertEquals(List.of("2 Feb", "4 Feb", "6 Feb"), labels.subList(0, 3), "every 2 days over a span of 30 days");
        assertEquals(List.of(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 4)),
                SubjectChart.ticks(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 4)), "a short span: every day");
        List<LocalDate> weekly = SubjectChart.ticks(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 20));
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 15)), weekly.subList(0, 3),
                "78 days: weekly, the smallest step giving at most 16 ticks");
        assertEquals(12, weekly.size());
    }

    @Test
    void theChartDrawsEachVisitsTotalThePeriodsBaselineAndResponseLineTheInfusionAndTheMissedVisit() {
        periodOne();
        SubjectTimeline t = on("2026-02-18");
        assertEquals(List.of("hamd17"), SubjectChart.measures(t));
        List<String> points = SubjectChart.points(t, "hamd17").stream()
                .map(p -> p.day() + " " + (p.missed() ? "missed" : p.value() + (p.outOfWindow() ? " late" : ""))).toList();
        assertEquals(List.of("2026-02-03 26", "2026-02-10 24", "2026-02-11 12", "2026-02-13 missed", "2026-02-17 10 late"), points);
        String svg = SubjectChart.svg(t, "hamd17");
        assertTrue(svg.contains(">Baseline 24<"), svg);
        assertTrue(svg.contains(">Response (-50 %)<"), svg);
        assertTrue(svg.contains(">Infusion (period 1)<"), svg);
        assertTrue(svg.contains("<title>Day 3 (period 1): missed</title>"), svg);
        assertTrue(svg.contains("fill='#e31a1c'><title>Day 5 (period 1): 10 (done out of window)</title>"), svg);
        assertFalse(svg.contains("period 2"), "period 2 has no infusion yet: nothing drawn for it");
    }

    @Test
    void changeAndResponseAreShownOnlyForVisitsAfterTheInfusion() {
        periodOne();
        SubjectTimeline t = on("2026-02-18");
        assertEquals(List.of("Screening false", "Infusion day false", "Day 1 true"), t.lines().stream().limit(3)
                .map(l -> l.name() + " " + SubjectView.afterInfusion(l)).toList(), "screening precedes the baseline; the infusion day is it");
        assertEquals("-12 (-50 %)", SubjectView.change(t.lines().get(2).outcome("hamd17").orElseThrow()));
        assertEquals(Boolean.TRUE, t.lines().get(2).outcome("hamd17").orElseThrow().response(), "exactly half the baseline is a response");
    }
}
