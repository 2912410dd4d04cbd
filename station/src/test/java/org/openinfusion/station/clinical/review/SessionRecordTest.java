package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.RatingRecord;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.testing.ReviewScenario;

/** The review record of a session driven through the real session service and audit file (see {@link ReviewScenario}). */
class SessionRecordTest {
    @TempDir
    static Path dir;
    static ReviewScenario scenario;
    static String id;

    @BeforeAll
    static void runSession() throws Exception {
        scenario = new ReviewScenario(dir);
        id = scenario.runMainSession();
    }

    @AfterAll
    static void close() throws Exception {
        scenario.close();
    }

    private static Instant at(double m) {
        return ReviewScenario.at(m);
    }

    @Test
    void theSummaryCountsTheAdverseEventsStaffRecordedNotTheMarkers() {
        String other = scenario.quickSession("bed-09", ReviewScenario.PROTOCOL, "KET-309", ReviewScenario.at(300), true);
        scenario.sessions.mark("bed-09", "nurse-2", "NAUSEA", "");
        scenario.sessions.mark("bed-09", "nurse-2", "HEADACHE", "");
        Instant onset = scenario.clock.instant();
        scenario.sessions.adverseEvent("bed-09", "nurse-2", nausea(Optional.empty(), AdverseEvent.Outcome.RECOVERING_RESOLVING));
        scenario.clock.advance(Duration.ofMinutes(10));
        // the same adverse event updated with its end: still one
        scenario.sessions.adverseEvent("bed-09", "nurse-2", nausea(Optional.of(scenario.clock.instant()), AdverseEvent.Outcome.RECOVERED_RESOLVED));
        scenario.sessions.adverseEvent("bed-09", "nurse-2", new AdverseEvent("AE-2", "Headache", onset, Optional.empty(),
                AdverseEvent.Severity.MILD, false, AdverseEvent.Relationship.POSSIBLY_RELATED, AdverseEvent.Action.DOSE_NOT_CHANGED,
                AdverseEvent.Outcome.UNKNOWN, Optional.empty()));
        scenario.clock.advance(Duration.ofMinutes(5));
        scenario.sessions.command("bed-09", new SessionEvent.Closed(scenario.clock.instant(), "nurse-2", "withdrawn"));

        assertEquals(2, scenario.review().open(other).summary().adverseEvents(), "AE-1 (recorded, then updated) and AE-2; markers are not AEs");
    }

    private static AdverseEvent nausea(Optional<Instant> end, AdverseEvent.Outcome outcome) {
        return new AdverseEvent("AE-1", "Nausea", ReviewScenario.at(300), end, AdverseEvent.Severity.MILD, false,
                AdverseEvent.Relationship.PROBABLY_RELATED, AdverseEvent.Action.DOSE_NOT_CHANGED, outcome, Optional.empty());
    }

    @Test
    void theListingPlanAndTimesComeFromTheAuditTrail() {
        SessionRecord r = scenario.review().open(id);
        SessionListing l = r.listing();
        // with the protocol file's title, for screens that never show the protocol's id
        assertEquals(new SessionListing(id, "KET-301", ReviewScenario.PROTOCOL, 2, "bed-01", at(0), at(185), ReviewFilter.RecordState.CLOSED,
                null, false, true, "Ketamine 0.5 mg/kg IV over 40 min after naltrexone 50 mg or placebo PO (double-blind crossover)"), l);
        assertTrue(scenario.review().list(ReviewFilter.ALL).sessions().contains(l), "the list row is the record's own");
        assertEquals(80.0, r.weightKg());
        // the protocol's expected adverse event terms with their sources, offered when review adds an adverse event
        assertEquals(ProtocolCatalog.builtIn().get(ReviewScenario.PROTOCOL, 2).orElseThrow().adverseEventTerms(), r.adverseEventTerms());
        assertFalse(r.adverseEventTerms().isEmpty());
        assertEquals("KIT-12", r.kitId());
        // 0.5 mg/kg x 80 kg = 40 mg at 1 mg/mL: 40 mL at 60 mL/h over 40 min (no concentration in the record)
        assertEquals(new SessionRecord.Plan(40.0, 60.0, 40.0), r.plan());
        assertEquals(at(55), r.infusionStart());
        assertEquals(at(185), r.end());
        assertNull(r.storeProblem());
    }

    @Test
    void theSummaryHasTheFiguresOfWhatWasFed() {
        SessionRecord.Summary s = scenario.review().open(id).summary();
        // last cuff reading before the start (m55): m53; nearest to start + 40 min (m95): m93; nearest to the pump's end (m98): m98
        assertEquals(new SessionRecord.BloodPressure(at(53), 120, 70), s.preDose());
        assertEquals(new SessionRecord.BloodPressure(at(93), 128, 78), s.at40Minutes());
        assertEquals(new SessionRecord.BloodPressure(at(98), 129, 79), s.atEnd());
        // full-form CADSS peak 14 at end of infusion: the CADSS-6 24 is another scale, the t80 20 was corrected to 9
        assertEquals(14, s.peakDissociation());
        assertEquals("CADSS", s.peakDissociationForm());
        assertEquals("end-of-infusion", s.peakDissociationTimePoint());
        assertEquals(4, s.lowestSedationScore());
        // first stored vital m0.5, last m184.5 (values before creation and after close are outside the session)
        assertEquals(184L, s.minutesMonitored());
        assertEquals(at(180), s.readyForDischarge());
        assertEquals(125L, s.minutesToReadyFromInfusionStart());
        assertEquals(1, s.alarmsRaised(), "HR 130 > 120 (the hold advice is not an alarm raised)");
        assertEquals(1, alarmsRaisedInFile());
        assertEquals(0, s.adverseEvents(), "markers of nausea, vomiting... are not adverse events until staff record them");
        assertEquals(1, s.deviations(), "the pump at 70 mL/h");
    }

    private int alarmsRaisedInFile() {
        try {
            return (int) Files.readAllLines(scenario.file).stream().filter(l -> l.contains("\"type\":\"alarm.raised\"")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void trendsHoldExactlyTheStoredValuesOfTheSessionWindow() {
        SessionRecord r = scenario.review().open(id);
        assertEquals(SessionRecords.TREND_STREAMS, r.trends().stream().map(SessionRecord.Trend::stream).toList());
        Map<Stream, SessionRecord.Trend> t = r.trends().stream().collect(Collectors.toMap(SessionRecord.Trend::stream, Function.identity()));
        SessionRecord.Trend hr = t.get(Stream.HR);
        assertEquals(185, hr.times().length, "m0.5 .. m184.5, not the 07:50 and 11:10 values");
        assertEquals(at(0.5).toEpochMilli(), hr.times()[0]);
        assertEquals(at(184.5).toEpochMilli(), hr.times()[184]);
        assertEquals(72.0, hr.values()[0]);
        assertEquals(130.0, hr.values()[60]);
        assertEquals(72.0, hr.values()[61]);
        SessionRecord.Trend sys = t.get(Stream.NIBP_SYS);
        assertEquals(37, sys.values().length);
        assertEquals(ReviewScenario.sys(3), sys.values()[0]);
        assertEquals(ReviewScenario.sys(183), sys.values()[36]);
        SessionRecord.Trend volume = t.get(Stream.PUMP_VOLUME_INFUSED);
        assertEquals(44, volume.values().length);
        assertEquals(40.0, volume.values()[43]);
        assertArrayEquals(new long[0], t.get(Stream.ETCO2).times());
    }

    @Test
    void theWaveformAroundAMarkerIsTheStoredEcgIIByDefault() {
        Instant marker = at(65);
        for (int i = -300; i < 300; i++) {
            scenario.series.add(new TimeSeriesReader.StoredValue(marker.plusMillis(4L * i), "monitor",
                    Stream.ECG_II, i / 100.0));
        }
        WaveformWindow w = scenario.review().waveform(new ReviewRequest.Waveform(id, null, marker, Duration.ofMillis(400),
                Duration.ofMillis(800)));
        assertEquals(Stream.ECG_II, w.stream());
        assertNull(w.problem());
        assertEquals(300, w.times().length, "from -400 ms (included) to +800 ms (excluded) at 250 Hz");
        assertEquals(marker.minusMillis(400).toEpochMilli() * 1000, w.times()[0]);
        assertEquals(-1.0f, w.values()[0]);
        assertEquals(marker.plusMillis(796).toEpochMilli() * 1000, w.times()[299]);
        assertEquals(1.99f, w.values()[299]);
        assertEquals(400, assertThrowsReview(() -> scenario.review().waveform(new ReviewRequest.Waveform(id, Stream.HR, marker,
                Duration.ZERO, Duration.ofSeconds(1)))));
    }

    private static int assertThrowsReview(Runnable r) {
        return Assertions.assertThrows(ReviewException.class, r::run).code();
    }

    @Test
    void whenTheStoreIsDownTheRecordIsStillShownWithTheProblem() {
        scenario.series.down = true;
        SessionRecord r;
        try {
            r = scenario.review().open(id);
        } finally {
            scenario.series.down = false;
        }
        assertTrue(r.storeProblem().contains("did not answer"), r.storeProblem());
        assertTrue(r.trends().isEmpty());
        assertNull(r.summary().preDose());
        assertEquals(185L, r.summary().minutesMonitored(), "without stored vitals: creation to close");
        assertEquals(14, r.summary().peakDissociation());
    }

    @Test
    void ratingsShowEveryItemWithPlaceholdersCorrectionsAndNotAssessedReasons() {
        Map<String, RatingRecord> byId = scenario.review().open(id).ratings().stream()
                .collect(Collectors.toMap(RatingRecord::ratingId, Function.identity()));
        assertEquals(List.of("r-base", "r-eoi", "r-moaas", "r-t120", "r-t20", "r-t80", "r-t80b"), byId.keySet().stream().sorted().toList());
        RatingRecord t80 = byId.get("r-t80");
        assertEquals(20, t80.total());
        assertEquals("r-t80b", t80.supersededBy());
        RatingRecord t80b = byId.get("r-t80b");
        assertEquals(9, t80b.total());
        assertEquals("r-t80", t80b.corrects());
        assertEquals("items 10-20 entered for the wrong participant", t80b.reason());
        assertEquals("nurse-2", t80b.rater());
        assertFalse(t80b.amendment());
        RatingRecord t20 = byId.get("r-t20");
        assertEquals("cadss6", t20.form());
        assertEquals(List.of("1", "2", "6", "7", "15", "22"), t20.items().stream().map(SessionRecord.ItemRow::itemId).toList());
        assertEquals(24, t20.total());
        RatingRecord t120 = byId.get("r-t120");
        assertEquals(23, t120.items().size());
        assertEquals(new SessionRecord.ItemRow("7", "CADSS item 7", null, "asleep"), t120.items().get(6));
        assertEquals(new SessionRecord.ItemRow("1", "CADSS item 1", 1, null), t120.items().get(0));
        assertEquals(3, t120.total());
        assertTrue(t120.summary().contains("INCOMPLETE"), t120.summary());
        assertEquals(new SessionRecord.ItemRow("1", "Alertness/sedation", 4, null), byId.get("r-moaas").items().getFirst());
        assertEquals(at(100), byId.get("r-eoi").finishedAt());
    }

    @Test
    void theTimelineHasOneEventPerAuditEntryInItsCategory() throws Exception {
        SessionRecord r = scenario.review().open(id);
        // one event per entry, but for a prompt's bookkeeping before its window opens (waiting, scheduled)
        long entries = Files.readAllLines(scenario.file).stream().filter(l -> l.contains("\"session\":\"" + id + "\""))
                .filter(l -> !(l.contains("\"to\":\"WAITING\"") || l.contains("\"to\":\"SCHEDULED\""))).count();
        assertEquals(entries, r.events().size());
        Map<Category, Long> counts = r.events().stream().collect(Collectors.groupingBy(SessionRecord.TimelineEvent::category, Collectors.counting()));
        assertEquals(7L, counts.get(Category.RATING));
        assertEquals(1L, counts.get(Category.DEVIATION));
        assertEquals(5L, counts.get(Category.MARKER), "nausea, emergence, asleep, vomiting, headache");
        assertEquals(1L, counts.get(Category.NOTE));
        assertEquals(1L, counts.get(Category.ALARM_ACKNOWLEDGED));
        assertEquals(4L, counts.get(Category.INFUSION), "pump started, paused, resumed, completed");
        var hr = r.events().stream().filter(e -> e.category() == Category.ALARM_RAISED && e.title().startsWith("HR 130")).findFirst().orElseThrow();
        assertEquals(at(60.5), hr.at());
        var note = r.events().stream().filter(e -> e.category() == Category.NOTE).findFirst().orElseThrow();
        assertEquals("asked for a blanket", note.detail());
        assertEquals("nurse-1", note.actor());
        var deviation = r.events().stream().filter(e -> e.category() == Category.DEVIATION).findFirst().orElseThrow();
        assertEquals(at(70), deviation.at());
        assertEquals("rate 70.0 mL/h, plan 60.0 mL/h", deviation.detail());
        var closed = r.events().getLast();
        assertEquals(Category.SESSION, closed.category());
        assertEquals("Session closed", closed.title());
        for (int i = 1; i < r.events().size(); i++) {
            assertFalse(r.events().get(i).at().isBefore(r.events().get(i - 1).at()), "in time order");
        }
        assertEquals("discharged", closed.detail());
        // the protocol's title names every arm of the design (never which one this participant had): left out here
        String all = r.toString().replace(r.listing().protocolTitle(), "").toLowerCase(Locale.ROOT);
        assertFalse(all.contains("naltrexone 50") || all.contains("placebo capsule") || all.contains("mg/ml"), "no arm, no concentration");
    }
}
