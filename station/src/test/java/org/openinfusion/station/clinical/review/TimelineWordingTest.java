package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.testing.TrailSamples;

/**
 * The review timeline's wording for every kind of event it can show: staff words and units, never a stream key, an
 * alarm id, a rating id or a protocol id; a rating's score with its range once; an early stop read as such everywhere.
 * (Times stay UTC instants in the record; the review page writes them in the site's zone: ReviewFormat.)
 */
class TimelineWordingTest {
    /** snake_case keys (hr_high, end_of_infusion, nibp_sys), ALL_CAPS codes (PUMP_ALARM, TECH:PUMP_ALARM, RATE_OFF_PLAN). */
    static final Pattern ID = Pattern.compile("\\b[a-z0-9]+_[a-z0-9_]+\\b|\\b[A-Z0-9]+_[A-Z0-9_]+\\b|\\b[A-Z]{2,}:[A-Za-z0-9_:]+");
    private static final InstrumentCatalog INSTRUMENTS = InstrumentCatalog.builtIn();

    private static List<TimelineEvent> timeline(List<TrailEvent> events) {
        SessionHistory h = TrailSamples.history(events);
        return new SessionRecords(ProtocolCatalog.builtIn(), INSTRUMENTS).build(new SessionEntries(h), List.of(), null).events();
    }

    @Test
    void noEventKindShowsAnInternalIdAKeyOrACode() {
        List<TimelineEvent> events = timeline(TrailSamples.everyTimelineKind());
        Set<Category> seen = events.stream().map(TimelineEvent::category).collect(Collectors.toSet());
        assertEquals(Set.of(Category.values()), seen, "every category walked");
        List<String> found = new ArrayList<>();
        for (TimelineEvent e : events) {
            String shown = e.title() + " | " + (e.detail() == null ? "" : e.detail());
            if (ID.matcher(shown).find() || shown.contains("ketamine-naltrexone-crossover")) {
                found.add(e.category() + ": " + shown);
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theSessionNamesItsProtocolByTitleAndVitalsInStaffWordsWithUnits() {
        List<TimelineEvent> events = timeline(TrailSamples.everyTimelineKind());
        TimelineEvent created = events.stream().filter(e -> e.title().equals("Session created")).findFirst().orElseThrow();
        assertTrue(created.detail().startsWith("protocol Ketamine 0.5 mg/kg IV over 40 min after naltrexone 50 mg or placebo PO"
                + " (double-blind crossover) (version 2), bed bed-01, 70.5 kg, kit KIT-9"), created.detail());
        TimelineEvent vitals = events.stream().filter(e -> e.title().equals("Pre-dose vitals recorded")).findFirst().orElseThrow();
        assertEquals("Heart rate 72 /min at " + TrailSamples.AT.minusSeconds(30) + ", Systolic BP 127 mmHg at "
                + TrailSamples.AT.minusSeconds(300), vitals.detail());
        TimelineEvent alarm = events.stream().filter(e -> e.category() == Category.ALARM_RAISED).findFirst().orElseThrow();
        assertEquals("Medium priority", alarm.detail(), "no alarm id");
    }

    @Test
    void anAdverseEventAmendmentNamesItsTermAndSaysWhetherItAddedOrChangedOne() {
        TrailEvent created = TrailSamples.everyKind().stream().filter(e -> e instanceof TrailEvent.SessionStepped s
                && s.step() instanceof SessionEvent.Created).findFirst().orElseThrow();
        TrailEvent.AdverseEventRecorded nausea = (TrailEvent.AdverseEventRecorded) TrailSamples.everyKind().stream()
                .filter(e -> e instanceof TrailEvent.AdverseEventRecorded a && a.event().id().equals("AE-2")).findFirst().orElseThrow();
        TrailEvent.AdverseEventRecorded worse = new TrailEvent.AdverseEventRecorded(TrailSamples.AT.plusSeconds(60),
                new AdverseEvent("AE-2", "Nausea", nausea.event().start(), nausea.event().end(), AdverseEvent.Severity.MODERATE,
                        true, nausea.event().relationship(), nausea.event().action(), nausea.event().outcome(), Optional.empty()));
        TrailEvent.AdverseEventRecorded late = new TrailEvent.AdverseEventRecorded(TrailSamples.AT.plusSeconds(120),
                new AdverseEvent("AE-3", "Headache", TrailSamples.AT, Optional.empty(), AdverseEvent.Severity.MILD, false,
                        AdverseEvent.Relationship.UNLIKELY_RELATED, AdverseEvent.Action.NOT_APPLICABLE, AdverseEvent.Outcome.NOT_RECOVERED_NOT_RESOLVED,
                        Optional.empty()));
        List<String> amendments = timeline(List.of(created, nausea,
                worse, new TrailEvent.RecordAmended(TrailSamples.AT.plusSeconds(60), "paper CRF says moderate", new TrailEvent.AdverseEventAdded("AE-2")),
                late, new TrailEvent.RecordAmended(TrailSamples.AT.plusSeconds(120), "reported by phone", new TrailEvent.AdverseEventAdded("AE-3"))))
                .stream().filter(e -> e.category() == Category.AMENDMENT).map(TimelineEvent::detail).toList();
        assertEquals(List.of("paper CRF says moderate: adverse event AE-2 (Nausea) amended",
                "reported by phone: adverse event AE-3 (Headache) added as an amendment"), amendments);
    }

    @Test
    void aDischargeOverrideCarriesItsUnmetCriteriaAsDataAndOneWrittenAsWordsOnlyKeepsThem() {
        TrailEvent.DischargeOverridden now = (TrailEvent.DischargeOverridden) TrailSamples.everyKind().stream()
                .filter(e -> e instanceof TrailEvent.DischargeOverridden o && !o.criteria().isEmpty()).findFirst().orElseThrow();
        TrailEvent.DischargeOverridden before = new TrailEvent.DischargeOverridden(TrailSamples.AT, now.unmet(), "ward transfer");
        TrailEvent created = TrailSamples.everyKind().stream().filter(e -> e instanceof TrailEvent.SessionStepped s
                && s.step() instanceof SessionEvent.Created).findFirst().orElseThrow();
        List<TimelineEvent> events = timeline(List.of(created, now, before)).stream()
                .filter(e -> e.title().equals("Ready for discharge by physician override")).toList();
        assertEquals(2, events.size());
        assertEquals(now.criteria(), events.get(0).unmet());
        assertEquals(List.of("baseline", "t20", "end-of-infusion"), events.get(0).unmet().getFirst().timePoints());
        assertEquals("reason: ward transfer", events.get(0).detail(), "no time point ids in the words; the screen names them");
        assertEquals(List.of(), events.get(1).unmet());
        assertEquals("unmet: " + String.join("; ", now.unmet()) + "; reason: ward transfer", events.get(1).detail());
    }

    @Test
    void aRatingShowsItsTotalOnceWithItsRange() {
        TimelineEvent rating = timeline(TrailSamples.everyTimelineKind()).stream()
                .filter(e -> e.category() == Category.RATING && e.title().startsWith("CADSS at t40")).findFirst().orElseThrow();
        assertEquals("CADSS at t40", rating.title());
        assertEquals("total 0 (range 0-92)", rating.detail());
    }

    @Test
    void anEarlyStopReadsStoppedEarlyInEveryEventNeverCompleted() {
        List<TimelineEvent> events = timeline(TrailSamples.everyTimelineKind());
        List<String> infusionEnd = events.stream().filter(e -> e.category() == Category.SESSION || e.category() == Category.INFUSION
                || e.category() == Category.DEVIATION).map(TimelineEvent::title).filter(t -> !t.startsWith("Visit") && (t.contains("omplete") || t.contains("early"))).toList();
        assertEquals(List.of("Infusion stopped early", "Pump stopped early", "Infusion stopped early"), infusionEnd);
    }

    @Test
    void aTimePointNotDueAfterAnEarlyEndReadsNotDueWithItsReason() {
        List<TimelineEvent> prompts = timeline(TrailSamples.everyTimelineKind()).stream().filter(e -> e.category() == Category.PROMPT)
                .filter(e -> e.title().equals("t20: not due")).toList();
        assertEquals(1, prompts.size(), prompts.toString());
        assertEquals("infusion ended early at T+14", prompts.getFirst().detail());
    }

    @Test
    void promptsBeforeTheirWindowOpensAreNotListed() {
        List<TimelineEvent> prompts = timeline(TrailSamples.everyTimelineKind()).stream().filter(e -> e.category() == Category.PROMPT).toList();
        assertFalse(prompts.isEmpty());
        assertTrue(prompts.stream().noneMatch(p -> p.title().endsWith(": waiting") || p.title().endsWith(": scheduled")), prompts.toString());
    }

    @Test
    void thePartTheSubjectAnsweredOnTheTabletNamesItsFormAndItsItemsInNumericOrderAsARange() {
        TrailEvent created = TrailSamples.everyKind().stream().filter(e -> e instanceof TrailEvent.SessionStepped s
                && s.step() instanceof SessionEvent.Created).findFirst().orElseThrow();
        Map<String, Answer> items1To19 = new HashMap<>();
        for (int i = 1; i <= 19; i++) {
            items1To19.put(String.valueOf(i), Answer.score(1));
        }
        Map<String, Answer> someItems = Map.of("2", Answer.score(0), "10", Answer.score(1), "1", Answer.score(2));
        List<String> titles = timeline(List.of(created,
                new TrailEvent.RatingPartAnswered(new Rating("p1", "cadss", null, "baseline", "nurse", "nurse1", TrailSamples.AT.minusSeconds(60),
                        TrailSamples.AT, items1To19, null)),
                new TrailEvent.RatingPartAnswered(new Rating("p2", "cadss", null, "t20", "nurse", "nurse1", TrailSamples.AT.minusSeconds(30),
                        TrailSamples.AT, someItems, null))))
                .stream().filter(e -> e.category() == Category.RATING).map(TimelineEvent::title).toList();
        // the tablet's CADSS part read "cadss items 1, 10, 11, ..., 19, 2, 3, ..." (the form's id, the items as text)
        assertEquals(List.of("CADSS items 1-19 answered by the subject on the tablet", "CADSS items 1, 2, 10 answered by the subject on the tablet"), titles);
    }

    @Test
    void aDevicesTechnicalAlarmNamesTheDeviceByItsKindNeverByItsConfiguredId() {
        TrailEvent created = TrailSamples.everyKind().stream().filter(e -> e instanceof TrailEvent.SessionStepped s
                && s.step() instanceof SessionEvent.Created).findFirst().orElseThrow();
        List<TrailEvent> trail = List.of(created,
                new TrailEvent.AlarmChanged(new AlarmEvent("TECH:DEVICE_OFFLINE:spare-monitor", AlarmEvent.Kind.RAISED, AlarmPriority.HIGH,
                        "spare-monitor offline", TrailSamples.AT, null)),
                new TrailEvent.AlarmChanged(new AlarmEvent("TECH:DEVICE_SILENT:mon-s5-7", AlarmEvent.Kind.ACKNOWLEDGED, AlarmPriority.HIGH,
                        "bed-01/mon-s5-7 sent nothing for 10 s", TrailSamples.AT.plusSeconds(5), "nurse1")),
                new TrailEvent.AlarmChanged(new AlarmEvent("TECH:BATTERY_LOW:asena-3", AlarmEvent.Kind.RAISED, AlarmPriority.MEDIUM,
                        "bed-01/asena-3: battery low", TrailSamples.AT.plusSeconds(9), null)));
        List<String> titles = timeline(trail).stream().filter(e -> e.category() != Category.SESSION).map(TimelineEvent::title).toList();
        assertEquals(List.of("Monitor 2 disconnected", "Acknowledged: Monitor silent", "Pump: battery low"), titles,
                "two monitors in the session: the second by the order of their ids is numbered");
        assertTrue(titles.stream().noneMatch(t -> t.contains("spare") || t.contains("s5-7") || t.contains("asena")), titles.toString());
    }

    @Test
    void aCloseWhileThePumpInfusedSaysSoWithThePumpsFiguresAndItsSource() {
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        TimelineEvent e = timeline(List.of(TrailSamples.everyKind().getFirst(), new TrailEvent.InfusionChanged(
                new InfusionEvent.RunningAtClose(at, 52.5, 20.3, at.minusSeconds(4))))).stream()
                .filter(x -> x.category() == Category.INFUSION).findFirst().orElseThrow();
        assertEquals("Closed while the pump was infusing", e.title());
        assertEquals("infusing at 52.5 mL/h, 20.3 mL infused, as the pump last reported 4 s before the close; the station does not stop"
                + " the pump and stops following it at the close: its stop is not in this record", e.detail());
    }
}
