package org.openinfusion.station.clinical.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.clinical.visit.ClinicList;
import org.openinfusion.station.clinical.visit.WindowStatus;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.VisitStation;
import org.openinfusion.testing.MutableClock;

/** The study-visit API on a real event bus, answered by the visit verticle's worker, written to a real audit file. */
class VisitApiTest {
    private static final String PROTOCOL = "ketamine-buprenorphine-double-dummy";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private VisitStation station;
    private String nurse;
    private String engineer;

    @BeforeEach
    void deploy() throws Exception {
        station = new VisitStation(dir, clock, Duration.ofDays(30), VisitStation.Worker.VISITS);
        nurse = station.signIn("nurse1", Role.NURSE, "Nurse One");
        engineer = station.signIn("eng1", Role.ENGINEER, "Engineer One");
    }

    @AfterEach
    void close() throws Exception {
        station.close();
    }

    private VisitReply.Done send(VisitCommand c) throws Exception {
        return station.request(Addresses.VISIT_COMMAND, c, nurse);
    }

    private <T> T query(VisitQuery q) throws Exception {
        return station.request(Addresses.VISIT_QUERY, q, nurse);
    }

    private List<ClinicList.Row> clinic(LocalDate day) throws Exception {
        return this.<VisitReply.ClinicDayList>query(new VisitQuery.ClinicDay(day)).rows();
    }

    private ReplyException failed(String address, Object body, String token) {
        return station.refused(address, body, token);
    }

    private static Rating rating(String id, String instrument, int items, String timePoint, Instant at, int each) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get(instrument).items().forEach(i -> answers.put(i.id(), Answer.score(Math.min(each, i.max()))));
        assertEquals(items, answers.size());
        return new Rating(id, instrument, null, timePoint, "nurse", "nurse1", at.minusSeconds(300), at, answers, null);
    }

    @Test
    void theClinicListShowsWhoIsDueAndARatingVisitIsHeldMissedOrAddedOverTheBus() throws Exception {
        send(new VisitCommand.Enrol("KET-021", PROTOCOL, LocalDate.of(2026, 3, 2)));
        send(new VisitCommand.Enrol("KET-022", PROTOCOL, LocalDate.of(2026, 2, 1)));
        List<ClinicList.Row> today = clinic(LocalDate.of(2026, 3, 2));
        assertEquals(List.of("KET-022 Infusion day OVERDUE", "KET-021 Infusion day DUE"),
                today.stream().map(r -> r.subject() + " " + r.visit().name() + " " + r.visit().status()).toList(),
                "the overdue visit (out of its 28-day window) first");
        assertEquals("KET-021", today.get(1).subject());

        // an unscheduled rating visit with HAM-A, hand-entered vitals and a note
        VisitReply.Done started = send(new VisitCommand.StartUnscheduled("KET-021", PROTOCOL, 1, "subject anxious, asked to be seen"));
        String visit = started.visitSessionId();
        clock.advance(Duration.ofMinutes(15));
        VisitReply.Done rated = send(new VisitCommand.RecordRating(visit, rating("ha1", "ham_a", 14, VisitService.UNSCHEDULED, clock.instant(), 2)));
        assertEquals(28, rated.score().orElseThrow().total().getAsInt());
        send(new VisitCommand.RecordVitals(visit, List.of(new TrailEvent.VitalReading("nibp_sys", 131, clock.instant()))));
        send(new VisitCommand.AddNote(visit, "calmer after talking"));
        VisitReply.Done done = send(new VisitCommand.Complete(visit));
        assertTrue(done.timeline().lines().stream().anyMatch(l -> l.status() == WindowStatus.UNSCHEDULED && visit.equals(l.visitSessionId())));

        // KET-022's 24 h visit cannot be held before the infusion, nor its day-7 visit marked missed before its window
        // closes; the infusion day, whose window has closed, is marked missed with a reason
        ReplyException early = failed(Addresses.VISIT_COMMAND, new VisitCommand.StartVisit("KET-022", PROTOCOL, "h24", 1), nurse);
        assertEquals(VisitVerticle.REFUSED, early.failureCode());
        assertEquals("24 h of period 1 cannot be held before its anchor (period infusion)", early.getMessage());
        ReplyException future = failed(Addresses.VISIT_COMMAND, new VisitCommand.MarkMissed("KET-022", PROTOCOL, "day7", 1, "withdrew"), nurse);
        assertEquals(VisitVerticle.REFUSED, future.failureCode());
        assertEquals("Day 7 of period 1 can be marked missed from the last day of its window (its anchor has not happened yet)", future.getMessage());
        VisitReply.Done missed = send(new VisitCommand.MarkMissed("KET-022", PROTOCOL, "infusion", 1, "withdrew consent by phone"));
        assertEquals(WindowStatus.MISSED, missed.timeline().lines().stream().filter(l -> l.planned() != null && l.planned().id().equals("infusion"))
                .findFirst().orElseThrow().status());
        VisitReply.Timeline timeline = query(new VisitQuery.Timeline("KET-022", PROTOCOL, LocalDate.of(2026, 3, 2)));
        assertEquals("withdrew consent by phone", timeline.timeline().lines().stream().filter(l -> l.status() == WindowStatus.MISSED)
                .findFirst().orElseThrow().missedReason());
    }

    @Test
    void anEngineerMayNotRunVisitsOrSeeTheClinicListAndASignedOutCallerIsAskedToSignIn() {
        assertEquals(BusGuard.FORBIDDEN, failed(Addresses.VISIT_COMMAND, new VisitCommand.Enrol("KET-021", PROTOCOL, LocalDate.of(2026, 3, 2)),
                engineer).failureCode());
        assertEquals(BusGuard.FORBIDDEN, failed(Addresses.VISIT_QUERY, new VisitQuery.ClinicDay(LocalDate.of(2026, 3, 2)), engineer).failureCode());
        assertEquals(BusGuard.SIGNED_OUT, failed(Addresses.VISIT_QUERY, new VisitQuery.ClinicDay(LocalDate.of(2026, 3, 2)), "no-such-token")
                .failureCode());
    }

    @Test
    void theDaySheetIsTodaysTimelinesWithTheProtocolsToEnrolInAndAVisitLeadsBackToItsSubject() throws Exception {
        send(new VisitCommand.Enrol("KET-031", PROTOCOL, LocalDate.of(2026, 3, 1)));
        VisitReply.DaySheet sheet = query(new VisitQuery.Day(null));
        assertEquals(LocalDate.of(2026, 3, 2), sheet.day(), "no day asked: the station's today in the site's zone");
        assertEquals(List.of("KET-031"), sheet.timelines().stream().map(t -> t.subject()).toList());
        assertEquals(List.of("ketamine-buprenorphine-double-dummy", "ketamine-naltrexone-asl-mri", "ketamine-naltrexone-crossover"),
                sheet.enrolable().stream().map(c -> c.id()).sorted().toList(), "only the protocols with a visit schedule");
        String visit = send(new VisitCommand.StartUnscheduled("KET-031", PROTOCOL, 1, "asked to be seen")).visitSessionId();
        send(new VisitCommand.AddNote(visit, "came with a relative"));
        VisitReply.Visit back = query(new VisitQuery.Visit(visit));
        assertEquals("KET-031", back.timeline().subject());
        assertEquals(WindowStatus.UNSCHEDULED, back.timeline().lines().stream().filter(l -> visit.equals(l.visitSessionId())).findFirst()
                .orElseThrow().status());
        assertTrue(back.visit().completedAt().isEmpty());
        assertEquals(List.of("came with a relative"), back.visit().entries().stream()
                .flatMap(e -> e.as(TrailEvent.MarkerRecorded.class).stream()).map(m -> m.note()).toList());
        assertEquals(VisitVerticle.REFUSED, failed(Addresses.VISIT_QUERY, new VisitQuery.Visit("visit-none"), nurse).failureCode());
    }

    @Test
    void impossibleVitalsAreRefused400AndOnlyAPhysicianAmendsACompletedVisitOverTheBus() throws Exception {
        String physician = station.signIn("dr1", Role.PHYSICIAN, "Dr. One");
        send(new VisitCommand.Enrol("KET-032", PROTOCOL, LocalDate.of(2026, 3, 1)));
        String visit = send(new VisitCommand.StartUnscheduled("KET-032", PROTOCOL, 1, "asked to be seen")).visitSessionId();
        ReplyException impossible = failed(Addresses.VISIT_COMMAND, new VisitCommand.RecordVitals(visit,
                List.of(new TrailEvent.VitalReading("spo2", 104, clock.instant()))), nurse);
        assertEquals(VisitVerticle.REFUSED, impossible.failureCode());
        assertEquals("SpO2 104 % is not possible: it must be 0-100 %", impossible.getMessage());
        send(new VisitCommand.RecordVitals(visit, List.of(new TrailEvent.VitalReading("hr", 44, clock.instant()))));
        send(new VisitCommand.Complete(visit));
        VisitCommand.Amend amend = new VisitCommand.Amend(visit, "told the physician by phone", new VisitCommand.AddNote(visit, "dizzy on the way home"));
        assertEquals(BusGuard.FORBIDDEN, failed(Addresses.VISIT_COMMAND, amend, nurse).failureCode(), "a nurse does not amend a completed visit");
        station.request(Addresses.VISIT_COMMAND, amend, physician);
        VisitReply.Visit back = query(new VisitQuery.Visit(visit));
        assertEquals(List.of("HR 44 < 50"), back.visit().entries().stream().flatMap(e -> e.as(TrailEvent.VisitVitals.class).stream())
                .flatMap(v -> v.flagged().stream()).map(TrailEvent.VitalFlag::limit).toList(), "the protocol's alarm limit");
        TrailEvent.RecordAmended amended = back.visit().amendments().getFirst();
        assertEquals("told the physician by phone", amended.reason());
        assertEquals(new TrailEvent.NoteAdded("dizzy on the way home"), amended.change());
        assertEquals("dr1", back.visit().entries().getLast().actor());
    }

    @Test
    void onlyAPhysicianCorrectsTheVitalSignsOfACompletedVisitOverTheBusAndTheValueInEffectComesBack() throws Exception {
        String physician = station.signIn("dr1", Role.PHYSICIAN, "Dr. One");
        send(new VisitCommand.Enrol("KET-033", PROTOCOL, LocalDate.of(2026, 3, 1)));
        String visit = send(new VisitCommand.StartUnscheduled("KET-033", PROTOCOL, 1, "asked to be seen")).visitSessionId();
        send(new VisitCommand.RecordVitals(visit, List.of(new TrailEvent.VitalReading("hr", 44, clock.instant()))));
        long entry = this.<VisitReply.Visit>query(new VisitQuery.Visit(visit)).visit().vitalsInEffect().getFirst().entry().seq();
        VisitCommand.CorrectVitals correction = new VisitCommand.CorrectVitals(visit, entry, List.of(new TrailEvent.VitalReading("hr", 54, clock.instant())));
        assertEquals(VisitVerticle.REFUSED, failed(Addresses.VISIT_COMMAND, correction, nurse).failureCode(), "only as an amendment");
        send(new VisitCommand.Complete(visit));
        VisitCommand.Amend amend = new VisitCommand.Amend(visit, "monitor printout reads 54", correction);
        assertEquals(BusGuard.FORBIDDEN, failed(Addresses.VISIT_COMMAND, amend, nurse).failureCode(), "a nurse does not amend a completed visit");
        station.request(Addresses.VISIT_COMMAND, amend, physician);
        StudyVisits.VitalInEffect hr = this.<VisitReply.Visit>query(new VisitQuery.Visit(visit)).visit().vitalsInEffect().getFirst().values().getFirst();
        assertEquals(54.0, hr.reading().value());
        assertEquals("monitor printout reads 54", hr.correctedBecause());
        assertEquals(List.of(), hr.flagged(), "54 is within the protocol's limit (HR < 50)");
    }
}
