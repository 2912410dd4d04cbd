package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Correction;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.review.SignatureMeaning;
import org.openinfusion.station.clinical.review.VisitSignOff;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.WindowStatus;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/** Study visits written through the audit trail and read back from it, also after a restart. */
class VisitServiceTest {
    static final String PROTOCOL = "ketamine-naltrexone-crossover";
    static final ZoneId ZONE = ZoneId.of("UTC");
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private AuditLog log;
    private VisitService visits;
    private SessionService sessions;

    @BeforeEach
    void open() throws IOException {
        start();
    }

    private void start() throws IOException {
        Path file = dir.resolve("audit.log");
        log = AuditLog.open(file, clock);
        sessions = Sessions.service(AuditFileTrail.of(log), clock);
        visits = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), AuditFileTrail.of(log), AuditFileTrail.reader(file), clock, ZONE);
    }

    @AfterEach
    void close() throws IOException {
        log.close();
    }

    /** A complete HAM-D17 rating with every item {@code each} (capped at the item's maximum) except the first, {@code first}. */
    static Rating hamd17(String id, String timePoint, String rater, Instant at, int first, int each) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(),
                Answer.score(i.number() == 1 ? first : Math.min(each, i.max()))));
        return new Rating(id, "hamd17", null, timePoint, "research_rater", rater, at.minusSeconds(600), at, answers, null);
    }

    private VisitReply.Done run(VisitCommand c) {
        return visits.handle("rater1", c);
    }

    private void nextDay() {
        clock.advance(Duration.ofDays(1));
    }

    private void infuse(String kit, int baselineFirst, int baselineEach) {
        sessions.create("nurse1", "bed-01", PROTOCOL, "KET-014", SubjectMeasures.weight(70), kit);
        sessions.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        sessions.command("bed-01", new SessionEvent.PretreatmentGiven(clock.instant(), "nurse1"));
        clock.advance(Duration.ofMinutes(45));
        sessions.record("bed-01", hamd17("base-" + kit, "baseline", "rater1", clock.instant(), baselineFirst, baselineEach));
        sessions.command("bed-01", new SessionEvent.InfusionStarted(clock.instant(), "nurse1", "nurse"));
        clock.advance(Duration.ofMinutes(40));
        sessions.command("bed-01", new SessionEvent.InfusionCompleted(clock.instant(), "nurse1", 35));
        sessions.command("bed-01", new SessionEvent.Closed(clock.instant(), "nurse1", "discharged"));
    }

    private String hold(String visit, int period, int first, int each) {
        String id = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, visit, period)).visitSessionId();
        clock.advance(Duration.ofMinutes(20));
        run(new VisitCommand.RecordRating(id, hamd17("r-" + visit + "-" + period, visit, "rater1", clock.instant(), first, each)));
        run(new VisitCommand.Complete(id));
        return id;
    }

    private SubjectTimeline.Line line(SubjectTimeline t, String visit, int period) {
        return t.lines().stream().filter(l -> l.planned() != null && l.planned().id().equals(visit) && l.period() == period).findFirst().orElseThrow();
    }

    @Test
    void aRatingVisitIsWrittenToTheTrailAndTheTimelineComesBackAfterARestart() throws IOException {
        run(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
        hold("screening", 1, 4, 2);
        clock.set(Instant.parse("2026-01-12T08:00:00Z"));
        infuse("KIT-1", 4, 2); // baseline HAM-D17 = 4 + 7 x 2 + ... (computed by the station)
        nextDay();
        String day1 = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, "day1", 1)).visitSessionId();
        run(new VisitCommand.RecordVitals(day1, List.of(new TrailEvent.VitalReading("nibp_sys", 128, clock.instant()),
                new TrailEvent.VitalReading("nibp_dia", 82, clock.instant()), new TrailEvent.VitalReading("hr", 71, clock.instant()))));
        run(new VisitCommand.AddNote(day1, "slept well"));
        VisitReply.Done rated = run(new VisitCommand.RecordRating(day1, hamd17("r-day1", "day1", "rater1", clock.instant(), 1, 1)));
        assertEquals(17, rated.score().orElseThrow().total().getAsInt());
        run(new VisitCommand.Complete(day1));
        clock.set(Instant.parse("2026-01-17T09:00:00Z"));
        run(new VisitCommand.MarkMissed("KET-014", PROTOCOL, "day3", 1, "subject did not come; phoned: unwell"));
        String extra = run(new VisitCommand.StartUnscheduled("KET-014", PROTOCOL, 1, "subject asked to be seen")).visitSessionId();
        run(new VisitCommand.Complete(extra));
        SubjectTimeline before = visits.timeline("KET-014", PROTOCOL, visits.today());

        log.close();
        start(); // a new station on the same trail

        SubjectTimeline after = visits.timeline("KET-014", PROTOCOL, visits.today());
        assertEquals(before, after);
        assertEquals(WindowStatus.DONE, line(after, "screening", 1).status());
        assertEquals(WindowStatus.DONE, line(after, "infusion", 1).status());
        assertEquals(WindowStatus.DONE, line(after, "day1", 1).status());
        assertEquals(WindowStatus.MISSED, line(after, "day3", 1).status());
        assertEquals("subject did not come; phoned: unwell", line(after, "day3", 1).missedReason());
        assertEquals(WindowStatus.DUE, line(after, "day5", 1).status());
        assertTrue(after.lines().stream().anyMatch(l -> l.status() == WindowStatus.UNSCHEDULED && "subject asked to be seen".equals(l.unscheduledReason())));
        var outcome = line(after, "day1", 1).outcome("hamd17").orElseThrow();
        assertEquals(17, outcome.value());
        assertTrue(outcome.baseline() > 17, "the baseline is the infusion session's baseline rating: " + outcome.baseline());
        StudyVisits.VisitSession v = visits.visits().visit(day1).orElseThrow();
        assertEquals(List.of("visit.started", "visit.vitals_recorded", "marker.recorded", "rating.recorded", "visit.completed"),
                v.entries().stream().map(r -> r.written().type()).toList());
        assertTrue(v.entries().stream().allMatch(r -> r.actor().equals("rater1")));
        assertEquals(List.of("day5/P1/DUE"), visits.clinicList(visits.today()).stream()
                .map(r -> r.visit().planned().id() + "/P" + r.visit().period() + "/" + r.visit().status()).toList());
    }

    @Test
    void whatTheScheduleOrTheVisitDoesNotAllowIsRefusedWithTheReason() {
        run(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
        assertEquals("KET-014 is already enrolled in ketamine-naltrexone-crossover",
                refused(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 6))));
        assertTrue(refused(new VisitCommand.Enrol("Jane Doe", PROTOCOL, LocalDate.of(2026, 1, 6))).contains("never a name"));
        assertEquals("Day 1 of period 1 cannot be held before its anchor (period infusion)",
                refused(new VisitCommand.StartVisit("KET-014", PROTOCOL, "day1", 1)));
        assertEquals("the infusion day is held as an infusion session at a bed, not as a rating visit",
                refused(new VisitCommand.StartVisit("KET-014", PROTOCOL, "infusion", 1)));
        assertEquals("Screening is held once, in period 1", refused(new VisitCommand.StartVisit("KET-014", PROTOCOL, "screening", 2)));
        String id = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, "screening", 1)).visitSessionId();
        Rating ymrs = new Rating("y1", "ymrs", null, "screening", "research_rater", "rater1", clock.instant(), clock.instant(), Map.of(), null);
        assertEquals("ymrs is not rated at this visit (it rates hamd17)", refused(new VisitCommand.RecordRating(id, ymrs)));
        assertEquals("a rating is entered by the signed-in rater",
                refused(new VisitCommand.RecordRating(id, hamd17("x", "screening", "someone-else", clock.instant(), 1, 1))));
        assertEquals("not yet rated at this visit: hamd17", refused(new VisitCommand.Complete(id)));
        assertEquals("Screening of period 1 is already held", refused(new VisitCommand.MarkMissed("KET-014", PROTOCOL, "screening", 1, "x")));
        assertEquals("a missed visit needs its reason", refused(new VisitCommand.MarkMissed("KET-014", PROTOCOL, "day1", 1, " ")));
        assertEquals("an unscheduled visit needs the reason it is held", refused(new VisitCommand.StartUnscheduled("KET-014", PROTOCOL, 1, "")));
        assertEquals("ketamine-midazolam-active-placebo has no visit schedule",
                refused(new VisitCommand.Enrol("KET-015", "ketamine-midazolam-active-placebo", LocalDate.of(2026, 1, 6))));
    }

    private String refused(VisitCommand c) {
        return assertThrows(VisitService.VisitRefused.class, () -> run(c)).getMessage();
    }

    @Test
    void aSubjectInfusedAtABedWithoutEnrolmentIsOnTheDaySheetAsNotEnrolledUntilEnrolled() {
        infuse("KIT-0001", 2, 1);
        LocalDate today = visits.today();
        VisitReply.DaySheet sheet = visits.daySheet(today);
        assertEquals(List.of(), sheet.timelines(), "nobody is enrolled");
        assertEquals(List.of("KET-014 " + PROTOCOL), sheet.notEnrolled().stream().map(u -> u.subject() + " " + u.protocolId()).toList());
        assertEquals(List.of(), visits.daySheet(today.plusDays(1)).notEnrolled(), "listed on the day of the session only");

        run(new VisitCommand.Enrol("KET-014", PROTOCOL, today));
        VisitReply.DaySheet enrolled = visits.daySheet(today);
        assertEquals(List.of(), enrolled.notEnrolled());
        assertEquals("KET-014", enrolled.timelines().getFirst().subject());
    }

    @Test
    void handEnteredVitalsThatCannotBeMeasuredAreRefusedNamingTheFieldAndOnesOutsideTheAlarmLimitsAreKeptFlagged() throws IOException {
        run(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
        String id = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, "screening", 1)).visitSessionId();
        Instant now = clock.instant();
        assertEquals("SpO2 101 % is not possible: it must be 0-100 %",
                refused(new VisitCommand.RecordVitals(id, List.of(new TrailEvent.VitalReading("spo2", 101, now)))));
        assertEquals("Heart rate -1 /min is not possible: it must be 0-350 /min; Systolic BP 70 is below diastolic BP 90: check both values",
                refused(new VisitCommand.RecordVitals(id, List.of(new TrailEvent.VitalReading("nibp_sys", 70, now),
                        new TrailEvent.VitalReading("nibp_dia", 90, now), new TrailEvent.VitalReading("hr", -1, now)))));
        assertEquals("Heart rate is given twice", refused(new VisitCommand.RecordVitals(id, List.of(new TrailEvent.VitalReading("hr", 70, now),
                new TrailEvent.VitalReading("hr", 71, now)))));
        assertEquals(List.of("visit.started"), visits.visits().visit(id).orElseThrow().entries().stream().map(r -> r.written().type()).toList(),
                "nothing refused is written");

        run(new VisitCommand.RecordVitals(id, List.of(new TrailEvent.VitalReading("nibp_sys", 150, now),
                new TrailEvent.VitalReading("nibp_dia", 85, now), new TrailEvent.VitalReading("hr", 130, now), new TrailEvent.VitalReading("spo2", 91, now))));
        log.close();
        start(); // read back from the file
        TrailEvent.VisitVitals v = visits.visits().visit(id).orElseThrow().entries().getLast().as(TrailEvent.VisitVitals.class).orElseThrow();
        assertEquals(4, v.values().size(), "kept, all of them");
        assertEquals(null, v.source(), "entered by hand");
        assertEquals(List.of("hr HR 130 > 120 high NCT05803551 HR < 50 or > 120", "spo2 SPO2 91 < 95 medium NCT05803551 SpO2 < 95 %",
                        "spo2 SPO2 91 < 92 high site default"),
                v.flagged().stream().map(f -> f.stream() + " " + f.limit() + " " + f.priority() + " " + f.source()).toList(),
                "flagged against the protocol's alarm limits, as the bedside alarms word them; the BP is within them");
    }

    @Test
    void aPhysiciansAmendmentOfASignedVisitIsAppendedWithItsReasonAndTheVisitNeedsANewSignature() throws IOException {
        run(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
        String id = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, "screening", 1)).visitSessionId();
        Rating first = hamd17("r1", "screening", "rater1", clock.instant(), 1, 1);
        run(new VisitCommand.RecordRating(id, first));
        // a correction while the visit is open: the original stays in the trail, the correction is in effect
        Rating corrected = new Rating("r2", "hamd17", null, "screening", "research_rater", "rater1", clock.instant(), clock.instant(),
                hamd17("x", "screening", "rater1", clock.instant(), 3, 1).answers(), new Correction("r1", "item 1 misheard"));
        assertEquals(19, run(new VisitCommand.RecordRating(id, corrected)).score().orElseThrow().total().getAsInt());
        assertEquals("the visit is still open: record it at the visit, an amendment is for a completed visit",
                refused(new VisitCommand.Amend(id, "late", new VisitCommand.AddNote(id, "x"))));
        run(new VisitCommand.Complete(id));
        StudyVisits.VisitSession done = visits.visits().visit(id).orElseThrow();
        assertEquals(List.of("r1", "r2"), done.ratings().stream().map(Rating::id).toList());
        assertEquals(List.of("r2"), done.effectiveRatings().stream().map(Rating::id).toList());
        assertEquals(StudyVisits.SignatureStatus.NOT_SIGNED, visits.daySheet(visits.today()).signature(id));
        assertEquals("the visit is completed: corrections are made in review", refused(new VisitCommand.AddNote(id, "late")));

        Principal dr = new Principal("dr1", Role.PHYSICIAN, "Dr. Ada Example");
        AuditFileTrail.of(log).record("dr1", new SessionId(id), VisitSignOff.signature(done, SignatureMeaning.REVIEWED, dr, clock.instant()));
        assertEquals(StudyVisits.SignatureStatus.REVIEWED, visits.daySheet(visits.today()).signature(id));

        assertEquals("an amendment needs its reason", refused(new VisitCommand.Amend(id, " ", new VisitCommand.AddNote(id, "x"))));
        assertEquals("an amendment corrects a rating of the visit: rate a new instrument at an unscheduled visit",
                refused(new VisitCommand.Amend(id, "why", new VisitCommand.RecordRating(id, hamd17("r9", "screening", "rater1", clock.instant(), 1, 1)))));
        Rating ofOriginal = new Rating("r3", "hamd17", null, "screening", "research_rater", "rater1", clock.instant(), clock.instant(),
                first.answers(), new Correction("r1", "back"));
        assertEquals("rating r1 is not a rating in effect at this visit", refused(new VisitCommand.Amend(id, "why", new VisitCommand.RecordRating(id, ofOriginal))));
        assertEquals("an amendment corrects a rating or vital signs, adds a note or records an adverse event",
                refused(new VisitCommand.Amend(id, "why", new VisitCommand.Complete(id))));

        clock.advance(Duration.ofDays(2));
        Rating amended = new Rating("r4", "hamd17", null, "screening", "research_rater", "rater1", clock.instant(), clock.instant(),
                hamd17("x", "screening", "rater1", clock.instant(), 2, 1).answers(), new Correction("r2", "source document says 2"));
        assertEquals(18, run(new VisitCommand.Amend(id, "source document verification", new VisitCommand.RecordRating(id, amended)))
                .score().orElseThrow().total().getAsInt());
        run(new VisitCommand.Amend(id, "phoned the next day", new VisitCommand.AddNote(id, "reported headache the evening after")));
        log.close();
        start();
        StudyVisits.VisitSession after = visits.visits().visit(id).orElseThrow();
        assertEquals(List.of("visit.started", "rating.recorded", "rating.corrected", "visit.completed", "record.signed", "rating.corrected",
                "record.amended", "record.amended"), after.entries().stream().map(r -> r.written().type()).toList(), "appended, nothing overwritten");
        assertEquals(List.of("r1", "r2", "r4"), after.ratings().stream().map(Rating::id).toList());
        assertEquals(List.of("r4"), after.effectiveRatings().stream().map(Rating::id).toList());
        assertEquals(List.of("source document verification", "phoned the next day"), after.amendments().stream().map(TrailEvent.RecordAmended::reason).toList());
        assertEquals(List.of(18), line(visits.timeline("KET-014", PROTOCOL, visits.today()), "screening", 1).ratings().stream()
                .map(r -> r.measures().get("hamd17")).toList(), "the timeline shows the amended rating");
        assertEquals(StudyVisits.SignatureStatus.SIGNED_BEFORE_AMENDMENT, visits.daySheet(visits.today()).signature(id));
        assertEquals(1, VisitSignOff.all(after).size(), "the earlier signature is kept");
        assertEquals(List.of(), VisitSignOff.current(after), "and no longer covers the visit");
        VisitSignOff.requireSignable(after, SignatureMeaning.REVIEWED, "dr1"); // the same physician may sign the amended visit again
    }

    @Test
    void aCorrectionOfVitalSignsWhoseReasonWasNeverWrittenChangesNothing() throws IOException {
        run(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
        String id = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, "screening", 1)).visitSessionId();
        Instant measured = clock.instant();
        run(new VisitCommand.RecordVitals(id, List.of(new TrailEvent.VitalReading("hr", 130, measured))));
        run(new VisitCommand.RecordRating(id, hamd17("r1", "screening", "rater1", clock.instant(), 1, 1)));
        run(new VisitCommand.Complete(id));
        long vitalsSeq = visits.visits().visit(id).orElseThrow().vitalsInEffect().getFirst().entry().seq();
        // the correction's entry written, then the trail failed before its amendment (the reason) could be
        AuditFileTrail.of(log).record("dr1", new SessionId(id), new TrailEvent.VisitVitals(clock.instant(),
                List.of(new TrailEvent.VitalReading("hr", 99, measured)), null, List.of(), vitalsSeq));
        assertEquals(List.of("hr 130 null"), inEffect(id), "no value in effect without its reason");
        // a correction made again, whole, takes effect with its reason
        run(new VisitCommand.Amend(id, "source sheet reads 103", new VisitCommand.CorrectVitals(id, vitalsSeq,
                List.of(new TrailEvent.VitalReading("hr", 103, measured)))));
        assertEquals(List.of("hr 103 source sheet reads 103"), inEffect(id));
    }

    private List<String> inEffect(String visitId) {
        return visits.visits().visit(visitId).orElseThrow().vitalsInEffect().getFirst().values().stream()
                .map(v -> v.reading().stream() + " " + (int) v.reading().value() + " " + v.correctedBecause()).toList();
    }

    @Test
    void aPhysicianCorrectsVitalSignsAndAnAdverseEventOfACompletedVisitWithAReasonKeepingTheOriginalsAndTheVisitNeedsANewSignature()
            throws IOException {
        run(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
        String id = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, "screening", 1)).visitSessionId();
        Instant measured = clock.instant();
        run(new VisitCommand.RecordVitals(id, List.of(new TrailEvent.VitalReading("nibp_sys", 150, measured),
                new TrailEvent.VitalReading("nibp_dia", 85, measured), new TrailEvent.VitalReading("hr", 130, measured))));
        AdverseEvent headache = new AdverseEvent("AE-1", "Headache", measured, Optional.empty(), AdverseEvent.Severity.MILD, false,
                AdverseEvent.Relationship.UNLIKELY_RELATED, AdverseEvent.Action.NOT_APPLICABLE, AdverseEvent.Outcome.NOT_RECOVERED_NOT_RESOLVED,
                Optional.empty());
        run(new VisitCommand.RecordAdverseEvent(id, headache));
        run(new VisitCommand.RecordRating(id, hamd17("r1", "screening", "rater1", clock.instant(), 1, 1)));
        long vitalsSeq = visits.visits().visit(id).orElseThrow().vitalsInEffect().getFirst().entry().seq();
        assertEquals("vital signs are corrected by a physician's amendment of the completed visit, with its reason",
                refused(new VisitCommand.CorrectVitals(id, vitalsSeq, List.of(new TrailEvent.VitalReading("hr", 103, measured)))));
        assertEquals("the visit is still open: record it at the visit, an amendment is for a completed visit", refused(new VisitCommand.Amend(id,
                "typo", new VisitCommand.CorrectVitals(id, vitalsSeq, List.of(new TrailEvent.VitalReading("hr", 103, measured))))));
        run(new VisitCommand.Complete(id));
        StudyVisits.VisitSession done = visits.visits().visit(id).orElseThrow();
        AuditFileTrail.of(log).record("dr1", new SessionId(id), VisitSignOff.signature(done, SignatureMeaning.REVIEWED,
                new Principal("dr1", Role.PHYSICIAN, "Dr. Ada Example"), clock.instant()));
        int entries = visits.visits().visit(id).orElseThrow().entries().size();

        clock.advance(Duration.ofDays(1));
        Instant now = clock.instant();
        assertEquals("an amendment needs its reason", refused(new VisitCommand.Amend(id, "",
                new VisitCommand.CorrectVitals(id, vitalsSeq, List.of(new TrailEvent.VitalReading("hr", 103, now))))));
        assertEquals("entry 1 is not vital signs recorded at this visit", refused(new VisitCommand.Amend(id, "typo",
                new VisitCommand.CorrectVitals(id, 1, List.of(new TrailEvent.VitalReading("hr", 103, now))))));
        assertEquals("SpO2 was not recorded in that entry: a correction replaces a value recorded", refused(new VisitCommand.Amend(id, "typo",
                new VisitCommand.CorrectVitals(id, vitalsSeq, List.of(new TrailEvent.VitalReading("spo2", 97, now))))));
        assertEquals("Heart rate is already 130: nothing to correct", refused(new VisitCommand.Amend(id, "typo",
                new VisitCommand.CorrectVitals(id, vitalsSeq, List.of(new TrailEvent.VitalReading("hr", 130, now))))));
        assertEquals("Systolic BP 80 is below diastolic BP 85: check both values", refused(new VisitCommand.Amend(id, "typo",
                new VisitCommand.CorrectVitals(id, vitalsSeq, List.of(new TrailEvent.VitalReading("nibp_sys", 80, now))))),
                "checked with the entry's other values in effect");
        assertEquals(entries, visits.visits().visit(id).orElseThrow().entries().size(), "nothing refused is written");

        run(new VisitCommand.Amend(id, "source sheet reads 103", new VisitCommand.CorrectVitals(id, vitalsSeq,
                List.of(new TrailEvent.VitalReading("hr", 103, now)))));
        AdverseEvent resolved = new AdverseEvent("AE-1", "Headache", measured, Optional.of(measured.plus(Duration.ofHours(5))),
                AdverseEvent.Severity.MODERATE, false, AdverseEvent.Relationship.UNLIKELY_RELATED, AdverseEvent.Action.NOT_APPLICABLE,
                AdverseEvent.Outcome.RECOVERED_RESOLVED, Optional.empty());
        // a change of AE-1 names it as such; "adding" AE-1 again (a second physician's add that took the same id) or
        // changing an AE never recorded is refused, so no adverse event is silently replaced
        assertEquals("adverse event AE-1 is already recorded at this visit (added meanwhile?): reload the visit and amend it, or add the"
                + " new one again", refused(new VisitCommand.Amend(id, "phoned", new VisitCommand.RecordAdverseEvent(id, resolved))));
        AdverseEvent unknown = new AdverseEvent("AE-9", "Dizziness", measured, Optional.empty(), AdverseEvent.Severity.MILD, false,
                AdverseEvent.Relationship.UNLIKELY_RELATED, AdverseEvent.Action.NOT_APPLICABLE, AdverseEvent.Outcome.UNKNOWN, Optional.empty());
        assertEquals("adverse event AE-9 is not recorded at this visit: add it as a new one",
                refused(new VisitCommand.Amend(id, "phoned", new VisitCommand.AmendAdverseEvent(id, unknown))));
        assertEquals("an adverse event is changed by a physician's amendment of the completed visit, with its reason",
                refused(new VisitCommand.AmendAdverseEvent(id, resolved)));
        run(new VisitCommand.Amend(id, "phoned: resolved that evening", new VisitCommand.AmendAdverseEvent(id, resolved)));
        log.close();
        start(); // read back from the file
        StudyVisits.VisitSession after = visits.visits().visit(id).orElseThrow();
        assertEquals(List.of("visit.vitals_recorded", "ae.recorded", "visit.completed", "record.signed", "visit.vitals_recorded", "record.amended",
                        "ae.recorded", "record.amended"),
                after.entries().stream().map(r -> r.written().type()).filter(t -> !t.startsWith("rating") && !t.equals("visit.started")).toList(),
                "appended, the originals kept");
        assertEquals(2, after.entries().stream().filter(r -> r.event() instanceof TrailEvent.VisitVitals).count());
        List<StudyVisits.VitalsInEffect> inEffect = after.vitalsInEffect();
        assertEquals(1, inEffect.size(), "the correction is not a second set of vital signs");
        assertEquals(List.of("nibp_sys 150 null", "nibp_dia 85 null", "hr 103 source sheet reads 103"), inEffect.getFirst().values().stream()
                .map(v -> v.reading().stream() + " " + (int) v.reading().value() + " " + v.correctedBecause()).toList());
        StudyVisits.VitalInEffect hr = inEffect.getFirst().values().getLast();
        assertEquals(measured, hr.reading().measuredAt(), "a correction keeps when the value was measured");
        assertEquals(List.of(), hr.flagged(), "103 is within the limits: the 130's flag is no longer in effect");
        assertTrue(hr.seq() > vitalsSeq, "the value in effect is the correction's entry");
        assertEquals(List.of(new TrailEvent.VitalsReplaced(vitalsSeq)), after.amendments().stream().map(TrailEvent.RecordAmended::change)
                .filter(c -> c instanceof TrailEvent.VitalsReplaced).toList());
        assertEquals(List.of(headache, resolved), after.entries().stream().flatMap(r -> r.as(TrailEvent.AdverseEventRecorded.class).stream())
                .map(TrailEvent.AdverseEventRecorded::event).toList(), "the amended adverse event appended under its id");
        assertEquals(StudyVisits.SignatureStatus.SIGNED_BEFORE_AMENDMENT, visits.daySheet(visits.today()).signature(id));

        // a second correction of the same value replaces the first; the original entry is the one named
        run(new VisitCommand.Amend(id, "second look: 104", new VisitCommand.CorrectVitals(id, vitalsSeq,
                List.of(new TrailEvent.VitalReading("hr", 104, now)))));
        StudyVisits.VitalInEffect again = visits.visits().visit(id).orElseThrow().vitalsInEffect().getFirst().values().getLast();
        assertEquals("hr 104.0 second look: 104", again.reading().stream() + " " + again.reading().value() + " " + again.correctedBecause());
    }

    private long seq;

    private void stream(String bed, String device, Stream stream, double value, Duration ago) {
        Instant t = clock.instant().minus(ago);
        visits.sample(new NumericSample(new DeviceRef(bed, device), stream, value, t, t, ++seq));
    }

    @Test
    void takeFromMonitorRecordsTheBedsCurrentValuesWithTheDevicesAsTheirSourceAndRefusesStaleOnesOrABedInUse() {
        run(new VisitCommand.Enrol("KET-014", PROTOCOL, LocalDate.of(2026, 1, 5)));
        String id = run(new VisitCommand.StartVisit("KET-014", PROTOCOL, "screening", 1)).visitSessionId();
        assertEquals(List.of(), visits.monitors(id).monitors(), "no monitor streams to the station");
        assertEquals("no monitor streams from bed-02", refused(new VisitCommand.TakeFromMonitor(id, "bed-02")));

        stream("bed-02", "mon-1", Stream.HR, 72, Duration.ofSeconds(20)); // older than the HR limits' 15 s
        stream("bed-02", "mon-1", Stream.RESP_RATE, 14, Duration.ofSeconds(40)); // older than 30 s
        assertEquals("no value from the monitor at bed-02 is recent enough: Heart rate 20 s old (at most 15 s), Respiratory rate 40 s old (at most 30 s)",
                refused(new VisitCommand.TakeFromMonitor(id, "bed-02")));
        stream("bed-02", "mon-1", Stream.SPO2, 93, Duration.ofSeconds(5));
        stream("bed-02", "cuff-1", Stream.NIBP_SYS, 132, Duration.ofSeconds(200)); // within the cuff limits' 360 s
        stream("bed-02", "cuff-1", Stream.NIBP_DIA, 84, Duration.ofSeconds(200));
        stream("bed-02", "mon-1", Stream.ETCO2, 38, Duration.ofSeconds(1)); // not a vital sign a visit takes

        VisitReply.Monitor m = visits.monitors(id).monitors().getFirst();
        assertEquals("bed-02", m.bedId());
        assertEquals(null, m.unavailable());
        assertEquals(List.of("nibp_sys 132 cuff-1 200/360", "nibp_dia 84 cuff-1 200/360", "hr 72 mon-1 20/15", "spo2 93 mon-1 5/15", "rr 14 mon-1 40/30"),
                m.values().stream().map(v -> v.stream() + " " + (int) v.value() + " " + v.deviceId() + " " + v.ageSeconds() + "/" + v.maxAgeSeconds()).toList());

        run(new VisitCommand.TakeFromMonitor(id, "bed-02"));
        TrailEvent.VisitVitals v = visits.visits().visit(id).orElseThrow().entries().getLast().as(TrailEvent.VisitVitals.class).orElseThrow();
        assertEquals("bed-02: cuff-1, mon-1", v.source());
        assertEquals(List.of("nibp_sys 132", "nibp_dia 84", "spo2 93"), v.values().stream().map(x -> x.stream() + " " + (int) x.value()).toList(),
                "only the values recent enough");
        assertEquals(clock.instant().minusSeconds(200), v.values().getFirst().measuredAt(), "measured when the station received it, not now");
        assertEquals(List.of("SPO2 93 < 95"), v.flagged().stream().map(TrailEvent.VitalFlag::limit).toList(), "checked against the limits as by hand");

        // a cuff reading delivered late (sent again after a reconnect): its age is the cuff's, on the station's clock,
        // from the monitor's clock offset learnt from its continuous values (its clock runs 60 s behind)
        // every value above is too old by now, and out of the window the monitor's clock offset is learnt over
        clock.advance(MonitorReadings.OFFSET_WINDOW.plusMinutes(1));
        Instant now = clock.instant();
        visits.sample(new NumericSample(new DeviceRef("bed-02", "mon-1"), Stream.HR, 70, now.minusSeconds(60), now, ++seq));
        visits.sample(new NumericSample(new DeviceRef("bed-02", "mon-1"), Stream.NIBP_SYS, 141, now.minusSeconds(60 + 400), now, ++seq));
        visits.sample(new NumericSample(new DeviceRef("bed-02", "mon-1"), Stream.NIBP_DIA, 88, now.minusSeconds(60 + 400), now, ++seq));
        VisitReply.MonitorValue late = visits.monitors(id).monitors().getFirst().values().getFirst();
        assertEquals("nibp_sys 141 400/360 false", late.stream() + " " + (int) late.value() + " " + late.ageSeconds() + "/" + late.maxAgeSeconds()
                + " " + late.current(), "received now, measured 400 s ago: too old to take");
        run(new VisitCommand.TakeFromMonitor(id, "bed-02"));
        TrailEvent.VisitVitals fresh = visits.visits().visit(id).orElseThrow().entries().getLast().as(TrailEvent.VisitVitals.class).orElseThrow();
        assertEquals(List.of("hr 70"), fresh.values().stream().map(x -> x.stream() + " " + (int) x.value()).toList(), "the late cuff reading is not taken");

        sessions.create("nurse1", "bed-02", PROTOCOL, "KET-020", SubjectMeasures.weight(70), "KIT-9");
        assertEquals("bed-02 has an infusion session in progress: its monitor reads that session's patient",
                refused(new VisitCommand.TakeFromMonitor(id, "bed-02")));
    }
}
