package org.openinfusion.station.clinical.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.audit.HistoryReader;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.port.TimeSeriesReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/** Follow-up visits in the exports, parsed back: VISITNUM, VISIT, VISITDY, REDCap event names, change and response. */
class VisitExportTest {
    private static final String PROTOCOL = "ketamine-naltrexone-crossover";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private AuditHistory history;
    private String infusionSession;

    private static Rating hamd17(String id, String timePoint, Instant at, int each) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(), Answer.score(Math.min(each, i.max()))));
        return new Rating(id, "hamd17", null, timePoint, "research_rater", "rater1", at.minusSeconds(600), at, answers, null);
    }

    /** KET-014: screening, period 1 infusion (baseline all 2s: 34), day 1 (all 1s: 17), day 3 missed, day 5 (all 0s). */
    @BeforeEach
    void record() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, clock)) {
            SessionService sessions = Sessions.service(AuditFileTrail.of(log), clock);
            VisitService visits = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log), AuditFileTrail.reader(file), clock, ZoneOffset.UTC);
            visits.handle("rater1", new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
            hold(visits, "screening", 2);
            clock.set(Instant.parse("2026-01-12T08:00:00Z"));
            infusionSession = sessions.create("nurse1", "bed-01", PROTOCOL, "KET-014", SubjectMeasures.weight(70), "KIT-1").id();
            sessions.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
            sessions.command("bed-01", new SessionEvent.PretreatmentGiven(clock.instant(), "nurse1"));
            clock.advance(Duration.ofMinutes(45));
            sessions.record("bed-01", hamd17("base", "baseline", clock.instant(), 2));
            sessions.command("bed-01", new SessionEvent.InfusionStarted(clock.instant(), "nurse1", "nurse"));
            sessions.command("bed-01", new SessionEvent.Closed(clock.instant().plusSeconds(7200), "nurse1", "discharged"));
            clock.set(Instant.parse("2026-01-13T10:00:00Z"));
            hold(visits, "day1", 1);
            clock.set(Instant.parse("2026-01-16T10:00:00Z"));
            visits.handle("rater1", new VisitCommand.MarkMissed("KET-014", PROTOCOL, "day3", 1, "no transport"));
            clock.set(Instant.parse("2026-01-17T10:00:00Z"));
            hold(visits, "day5", 0);
        }
        history = HistoryReader.history(file);
    }

    private void hold(VisitService visits, String visit, int each) {
        String id = visits.handle("rater1", new VisitCommand.StartVisit("KET-014", PROTOCOL, visit, 1)).visitSessionId();
        visits.handle("rater1", new VisitCommand.RecordRating(id, hamd17("r-" + visit, visit, clock.instant(), each)));
        if (visit.equals("day1")) { // vitals entered by hand, the HR outside the protocol's alarm limit
            visits.handle("rater1", new VisitCommand.RecordVitals(id, List.of(new TrailEvent.VitalReading("hr", 130, clock.instant()),
                    new TrailEvent.VitalReading("spo2", 97, clock.instant()))));
            visits.handle("rater1", new VisitCommand.RecordAdverseEvent(id, headache(AdverseEvent.Severity.MILD, Optional.empty(),
                    AdverseEvent.Outcome.NOT_RECOVERED_NOT_RESOLVED)));
        }
        if (visit.equals("day5")) { // taken from the monitor of a free bed: the station's own values, its devices the source
            Instant t = clock.instant().minusSeconds(2);
            visits.sample(new NumericSample(new DeviceRef("bed-02", "mon-2"), Stream.HR, 64, t, t, 1));
            visits.sample(new NumericSample(new DeviceRef("bed-02", "mon-2"), Stream.SPO2, 98, t, t, 2));
            visits.handle("rater1", new VisitCommand.TakeFromMonitor(id, "bed-02"));
        }
        visits.handle("rater1", new VisitCommand.Complete(id));
    }

    /** A headache reported at day 1 (13 Jan 08:00), as recorded and as amended. */
    private static AdverseEvent headache(AdverseEvent.Severity severity, Optional<Instant> end, AdverseEvent.Outcome outcome) {
        return new AdverseEvent("AE-1", "Headache", Instant.parse("2026-01-13T08:00:00Z"), end, severity, false,
                AdverseEvent.Relationship.POSSIBLY_RELATED, AdverseEvent.Action.NOT_APPLICABLE, outcome, Optional.empty());
    }

    /** An empty time-series store: the sessions' cuff readings are not what these tests look at. */
    private static final TimeSeriesReader NO_SERIES = new TimeSeriesReader() {
        @Override
        public List<TimeSeriesReader.StoredValue> numerics(String bed, Set<Stream> streams, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<TimeSeriesReader.StoredValue> waveform(String bed, Stream stream, Instant from, Instant to) {
            return List.of();
        }
    };

    private CsvTable exportWithStore(ExportFormat format) {
        return CsvTable.parse(Exports.write(format, new ExportRequest(history, Optional.empty(), NO_SERIES, InstrumentCatalog.builtIn(),
                ProtocolCatalog.builtIn(), Set.of()), Clock.fixed(Instant.parse("2026-01-18T12:00:00Z"), ZoneOffset.UTC)).content());
    }

    @Test
    void visitVitalsExportInSdtmVsWithTheVisitsNumberNameAndStudyDayAndTheirSourceInSuppvs() {
        CsvTable vs = exportWithStore(ExportFormat.SDTM_VS);
        List<String> rows = vs.rows().stream().map(r -> String.join("|", r.get("VSGRPID"), r.get("VSTESTCD"), r.get("VSSTRESN"), r.get("VSSTRESU"),
                r.get("VISITNUM"), r.get("VISIT"), r.get("VISITDY"), r.get("EPOCH"), r.get("VSDTC"), r.get("VSTPT"))).toList();
        assertEquals(List.of("P1 DAY 1 VITALS 1|HR|130|beats/min|103|P1 DAY 1|2|FOLLOW-UP|2026-01-13T10:00:00|",
                "P1 DAY 1 VITALS 1|OXYSAT|97|%|103|P1 DAY 1|2|FOLLOW-UP|2026-01-13T10:00:00|",
                "P1 DAY 5 VITALS 1|HR|64|beats/min|105|P1 DAY 5|6|FOLLOW-UP|2026-01-17T09:59:58|",
                "P1 DAY 5 VITALS 1|OXYSAT|98|%|105|P1 DAY 5|6|FOLLOW-UP|2026-01-17T09:59:58|"), rows,
                "as the visits' ratings in QS; a monitor's value at the time it was received");
        assertEquals(List.of("VISITNUM", "VISIT", "VISITDY", "EPOCH"), vs.header().subList(vs.header().indexOf("VISITNUM"),
                vs.header().indexOf("VISITNUM") + 4));
        assertTrue(vs.rows().stream().allMatch(r -> r.get("USUBJID").equals(PROTOCOL + "-KET-014")));

        CsvTable supp = exportWithStore(ExportFormat.SDTM_SUPPVS);
        Map<String, String> seqByRow = new LinkedHashMap<>();
        vs.rows().forEach(r -> seqByRow.put(r.get("VSSEQ"), r.get("VISITNUM") + " " + r.get("VSTESTCD")));
        List<String> qualifiers = supp.rows().stream().filter(r -> !r.get("QNAM").equals("VSSRCSEQ"))
                .map(r -> seqByRow.get(r.get("IDVARVAL")) + " " + r.get("QNAM") + "=" + r.get("QVAL")).toList();
        assertEquals(List.of("103 HR VSSRC=HAND-ENTERED", "103 OXYSAT VSSRC=HAND-ENTERED", "105 HR VSSRC=MONITOR", "105 HR VSSRCDEV=bed-02: mon-2",
                "105 OXYSAT VSSRC=MONITOR", "105 OXYSAT VSSRCDEV=bed-02: mon-2"), qualifiers);
        assertTrue(supp.rows().stream().allMatch(r -> r.get("RDOMAIN").equals("VS") && r.get("IDVAR").equals("VSSEQ")));
        long vitalsEntries = history.entries().stream().filter(e -> e.as(TrailEvent.VisitVitals.class).isPresent()).count();
        assertEquals(2, vitalsEntries);
        assertEquals(4, supp.rows().stream().filter(r -> r.get("QNAM").equals("VSSRCSEQ")).count(), "each row names its audit entry");
        history.entries().stream().filter(e -> e.as(TrailEvent.VisitVitals.class).isPresent()).forEach(e -> assertTrue(supp.rows().stream()
                .anyMatch(r -> r.get("QNAM").equals("VSSRCSEQ") && r.get("QVAL").equals(String.valueOf(e.seq()))), "entry " + e.seq()));
    }

    @Test
    void aPhysiciansAmendmentsOfAVisitsVitalSignAndAdverseEventExportTheValuesInEffectWithTheirOwnSourceAndAuditEntry() throws IOException {
        CsvTable before = exportWithStore(ExportFormat.SDTM_AE);
        assertEquals(List.of("Headache|MILD|POSSIBLY RELATED|103|P1 DAY 1|FOLLOW-UP|2026-01-13T08:00:00||NOT RECOVERED/NOT RESOLVED"),
                aes(before), "a rating visit's adverse event is in AE with its visit");
        Path file = dir.resolve("audit.log");
        clock.set(Instant.parse("2026-01-18T09:00:00Z"));
        try (AuditLog log = AuditLog.open(file, clock)) {
            VisitService visits = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log),
                    AuditFileTrail.reader(file), clock, ZoneOffset.UTC);
            var day5 = visits.visits().visits().stream().filter(v -> "day5".equals(v.started().visitId())).findFirst().orElseThrow();
            long entry = day5.vitalsInEffect().getFirst().entry().seq();
            visits.handle("dr1", new VisitCommand.Amend(day5.id(), "monitor printout reads 66", new VisitCommand.CorrectVitals(day5.id(), entry,
                    List.of(new TrailEvent.VitalReading("hr", 66, clock.instant())))));
            var day1 = visits.visits().visits().stream().filter(v -> "day1".equals(v.started().visitId())).findFirst().orElseThrow();
            visits.handle("dr1", new VisitCommand.Amend(day1.id(), "phoned: resolved that evening", new VisitCommand.AmendAdverseEvent(day1.id(),
                    headache(AdverseEvent.Severity.MODERATE, Optional.of(Instant.parse("2026-01-13T20:00:00Z")), AdverseEvent.Outcome.RECOVERED_RESOLVED))));
        }
        history = HistoryReader.history(file);
        long correction = history.entries().stream().filter(e -> e.as(TrailEvent.VisitVitals.class).filter(v -> v.corrects() != null).isPresent())
                .findFirst().orElseThrow().seq();
        CsvTable vs = exportWithStore(ExportFormat.SDTM_VS);
        List<String> rows = vs.rows().stream().filter(r -> r.get("VISIT").equals("P1 DAY 5"))
                .map(r -> String.join("|", r.get("VSGRPID"), r.get("VSTESTCD"), r.get("VSSTRESN"), r.get("VSDTC"))).toList();
        assertEquals(List.of("P1 DAY 5 VITALS 1|HR|66|2026-01-17T09:59:58", "P1 DAY 5 VITALS 1|OXYSAT|98|2026-01-17T09:59:58"), rows,
                "the value in effect, measured when the original was; no second group for the correction");
        CsvTable supp = exportWithStore(ExportFormat.SDTM_SUPPVS);
        String hrSeq = vs.rows().stream().filter(r -> r.get("VISIT").equals("P1 DAY 5") && r.get("VSTESTCD").equals("HR")).findFirst().orElseThrow()
                .get("VSSEQ");
        assertEquals(List.of("VSSRC=HAND-ENTERED", "VSSRCSEQ=" + correction), supp.rows().stream().filter(r -> r.get("IDVARVAL").equals(hrSeq))
                .map(r -> r.get("QNAM") + "=" + r.get("QVAL")).toList(), "corrected by hand: its source and audit entry are the correction's");

        CsvTable ae = exportWithStore(ExportFormat.SDTM_AE);
        assertEquals(List.of("Headache|MODERATE|POSSIBLY RELATED|103|P1 DAY 1|FOLLOW-UP|2026-01-13T08:00:00|2026-01-13T20:00:00|RECOVERED/RESOLVED"),
                aes(ae), "one row, the amended version");
        long amendedAe = history.entries().stream().filter(e -> e.as(TrailEvent.AdverseEventRecorded.class).isPresent()).reduce((a, b) -> b)
                .orElseThrow().seq();
        assertEquals(List.of("AESRC=ae.recorded", "AESRCSEQ=" + amendedAe), exportWithStore(ExportFormat.SDTM_SUPPAE).rows().stream()
                .map(r -> r.get("QNAM") + "=" + r.get("QVAL")).toList());
    }

    private static List<String> aes(CsvTable ae) {
        return ae.rows().stream().filter(r -> r.get("AECAT").equals("RECORDED BY STAFF")).map(r -> String.join("|", r.get("AETERM"), r.get("AESEV"),
                r.get("AEREL"), r.get("VISITNUM"), r.get("VISIT"), r.get("EPOCH"), r.get("AESTDTC"), r.get("AEENDTC"), r.get("AEOUT"))).toList();
    }

    @Test
    void aHandEnteredVitalOutsideTheAlarmLimitsIsFlaggedInTheAuditCsvWithTheLimitAndItsSource() {
        List<Map<String, String>> rows = export(ExportFormat.AUDIT_CSV, Optional.empty()).rows().stream()
                .filter(r -> r.get("type").equals("visit.vitals_recorded")).toList();
        assertEquals(2, rows.size(), "day 1's by hand, day 5's from the monitor");
        String payload = rows.getFirst().get("payload");
        assertTrue(payload.contains("\"limit\":\"HR 130 > 120\"") && payload.contains("\"source\":\"NCT05803551 HR < 50 or > 120\"")
                && payload.contains("\"priority\":\"high\""), payload);
        assertTrue(!payload.contains("SPO2"), "SpO2 97 is within the limits: " + payload);
    }

    private CsvTable export(ExportFormat format, Optional<String> session) {
        return CsvTable.parse(Exports.write(format, new ExportRequest(history, session, null, InstrumentCatalog.builtIn(),
                ProtocolCatalog.builtIn(), Set.of()), Clock.fixed(Instant.parse("2026-01-18T12:00:00Z"), ZoneOffset.UTC)).content());
    }

    private static Map<String, String> row(CsvTable t, String visit, String measure) {
        return t.rows().stream().filter(r -> r.get("visit_id").equals(visit) && r.get("measure").equals(measure)).findFirst().orElseThrow();
    }

    @Test
    void theVisitSummaryGivesEachVisitsPlaceWindowStatusAndChangeFromThePeriodsBaseline() {
        CsvTable t = export(ExportFormat.VISITS_CSV, Optional.empty());
        Map<String, String> day1 = row(t, "day1", "hamd17");
        assertEquals("103", day1.get("visitnum"));
        assertEquals("P1 DAY 1", day1.get("visit"));
        assertEquals("2", day1.get("visitdy"), "the first infusion's day is day 1");
        assertEquals("day1_arm_1", day1.get("redcap_event_name"));
        assertEquals("DONE", day1.get("status"));
        assertEquals("17", day1.get("value"));
        assertEquals("34", day1.get("baseline"));
        assertEquals("-17", day1.get("change"));
        assertEquals("-50.0", day1.get("percent_change"));
        assertEquals("Y", day1.get("response"), "exactly half the baseline is a response");
        assertEquals("N", day1.get("remission"));
        Map<String, String> day5 = row(t, "day5", "hamd17");
        assertEquals("Y", day5.get("response"));
        assertEquals("Y", day5.get("remission"));
        assertEquals("0", row(t, "day5", "hamd6").get("value"));
        assertEquals("12", row(t, "infusion", "hamd6").get("value"), "the infusion day shows its baseline HAM-D6");
        assertEquals("baseline_arm_1", row(t, "infusion", "hamd17").get("redcap_event_name"), "the infusion day's baseline event");
        Map<String, String> day3 = row(t, "day3", "");
        assertEquals("MISSED", day3.get("status"));
        assertEquals("no transport", day3.get("missed_reason"));
        Map<String, String> day7 = row(t, "day7", "");
        assertEquals("DUE", day7.get("status"), "judged on the export's day, 18 January: the day-7 window is 18-20 January");
        assertEquals("2026-01-19", day7.get("target_day"));
        assertEquals("UPCOMING", row(t, "day14", "").get("status"));
        Map<String, String> p2 = t.rows().stream().filter(r -> r.get("visit_id").equals("day1") && r.get("period").equals("2")).findFirst().orElseThrow();
        assertEquals("NOT_YET_ANCHORED", p2.get("status"));
        assertEquals("203", p2.get("visitnum"));
        assertEquals("day1_p2_arm_1", p2.get("redcap_event_name"));
        assertEquals("-7", row(t, "screening", "hamd17").get("visitdy"));
    }

    @Test
    void theSummaryOfOneSessionIsItsSubjectsAndSdtmQsAndRsStillExportTheInfusionDay() {
        CsvTable one = export(ExportFormat.VISITS_CSV, Optional.of(infusionSession));
        assertTrue(one.rows().stream().allMatch(r -> r.get("subject_code").equals("KET-014")));
        assertEquals(export(ExportFormat.VISITS_CSV, Optional.empty()).rows(), one.rows());
    }

    @Test
    void followUpRatingsExportBesideTheInfusionDayInSdtmRsWithVisitNumberNameAndStudyDay() {
        CsvTable rs = export(ExportFormat.SDTM_RS, Optional.empty());
        List<String> visits = rs.rows().stream().filter(r -> r.get("RSTESTCD").equals("HAMD1TOT"))
                .map(r -> r.get("VISITNUM") + "|" + r.get("VISIT") + "|" + r.get("VISITDY") + "|" + r.get("EPOCH") + "|" + r.get("RSSTRESN"))
                .toList();
        assertEquals(List.of("1|SESSION 1|1|BLINDED TREATMENT|34", "0.01|SCREENING|-7|SCREENING|34", "103|P1 DAY 1|2|FOLLOW-UP|17",
                "105|P1 DAY 5|6|FOLLOW-UP|0"), visits);
        Map<String, String> day1 = rs.rows().stream().filter(r -> r.get("VISITNUM").equals("103") && r.get("RSTESTCD").equals("HAMD1TOT"))
                .findFirst().orElseThrow();
        assertEquals("", day1.get("RSTPT"), "a rating visit has no time point of the infusion session");
        assertEquals("2026-01-13T10:00:00", day1.get("RSDTC"));
        assertEquals(List.of("VISITNUM", "VISIT", "VISITDY", "EPOCH"), rs.header().subList(rs.header().indexOf("VISITNUM"),
                rs.header().indexOf("VISITNUM") + 4));
        CsvTable one = export(ExportFormat.SDTM_RS, Optional.of(infusionSession));
        assertTrue(one.rows().stream().allMatch(r -> r.get("VISIT").equals("SESSION 1")), "one session's export holds that session only");
    }

    @Test
    void followUpRatingsAreRedcapRecordsOfTheirOwnEventsAndKeepEveryRedcapRule() {
        CsvTable events = export(ExportFormat.REDCAP_EVENTS, Optional.empty());
        List<String> names = events.rows().stream().map(r -> r.get("event_name")).toList();
        assertEquals(List.of("baseline", "t20", "end_of_infusion", "t80", "t120", "t180", "screening", "day1", "day3", "day5", "day7", "day14",
                "day1_p2", "day3_p2", "day5_p2", "day7_p2", "day14_p2"), names, "period 1's events first; period 2's visits planned already");
        CsvTable records = export(ExportFormat.REDCAP_IMPORT, Optional.empty());
        Map<String, String> day1 = records.rows().stream().filter(r -> r.get("redcap_event_name").equals("day1_arm_1")).findFirst().orElseThrow();
        assertEquals("KET-014", day1.get("record_id"));
        assertEquals("17", day1.get("hamd17_total"));
        assertEquals("day1", day1.get("hamd17_tp"));
        assertEquals("34", records.rows().stream().filter(r -> r.get("redcap_event_name").equals("baseline_arm_1")).findFirst().orElseThrow()
                .get("hamd17_total"), "beside the infusion day's baseline");
        CsvTable summary = export(ExportFormat.VISITS_CSV, Optional.empty());
        assertEquals("day1_arm_1", row(summary, "day1", "hamd17").get("redcap_event_name"), "the summary names the same event");
        assertEquals(List.of(), RedcapRules.check(export(ExportFormat.REDCAP_DICTIONARY, Optional.empty()), events,
                export(ExportFormat.REDCAP_DESIGNATIONS, Optional.empty()), export(ExportFormat.REDCAP_REPEATING, Optional.empty()), records));
    }
}
