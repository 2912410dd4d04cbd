package org.openinfusion.station.clinical.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.api.VisitQuery;
import org.openinfusion.station.clinical.api.VisitReply;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.TrailEvent.TabletStep;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.VisitStation;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;

/**
 * The patient tablet at a rating visit (docs/tablet.md "At a rating visit"): both workers as the station deploys them
 * (the session worker unlocks and sweeps tablets, the visit worker hands over and records), one real audit file.
 */
class VisitTabletApiTest {
    private static final String PROTOCOL = "ketamine-buprenorphine-double-dummy";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private VisitStation station;
    private String nurse;
    private String visit;

    @BeforeEach
    void deploy() throws Exception {
        station = new VisitStation(dir, clock, Duration.ofHours(12), VisitStation.Worker.SESSIONS, VisitStation.Worker.VISITS);
        nurse = station.signIn("nurse1", Role.NURSE, "Nurse One");
        request(Addresses.VISIT_COMMAND, new VisitCommand.Enrol("KET-031", PROTOCOL, LocalDate.of(2026, 3, 2)), nurse);
        VisitReply.Done started = request(Addresses.VISIT_COMMAND,
                new VisitCommand.StartUnscheduled("KET-031", PROTOCOL, 1, "craving reported by phone"), nurse);
        visit = started.visitSessionId();
    }

    @AfterEach
    void close() throws Exception {
        station.close();
    }

    private <T> T request(String address, Object body, String token) throws Exception {
        return station.request(address, body, token);
    }

    private ReplyException refused(String address, Object body, String token) {
        return station.refused(address, body, token);
    }

    private TabletRequest.Unlocked handedOver(String form) throws Exception {
        TabletRequest.Code code = request(Addresses.TABLET_HANDOVER_VISIT, new TabletRequest.HandOverVisit("nurse1", visit, form), nurse);
        return request(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(code.code()), null);
    }

    /** The patient's answers to the three OCS items, as the tablet sends them (every item 4). */
    private static VisitCommand.RecordRating ocs(TabletRequest.Unlocked t, String id) {
        Instant now = Instant.parse("2026-03-02T08:03:00Z");
        Map<String, Answer> answers = new LinkedHashMap<>();
        t.itemIds().forEach(i -> answers.put(i, Answer.score(4)));
        return new VisitCommand.RecordRating(t.visitSessionId(), new Rating(id, "ocs", null, t.timePointId(), t.staffRole(), t.staffUserId(),
                now.minusSeconds(60), now, answers, null));
    }

    private List<Recorded> trail() throws Exception {
        return station.trail();
    }

    @Test
    void thePatientAnswersARatingVisitsSelfReportOnTheTabletWithRaterSubjectInTheNurseName() throws Exception {
        TabletRequest.Unlocked tablet = handedOver("ocs");
        assertNull(tablet.bed(), "no bed at a rating visit");
        assertEquals(visit, tablet.visitSessionId());
        assertEquals(VisitService.UNSCHEDULED, tablet.timePointId());
        assertEquals(3, tablet.itemIds().size());

        VisitReply.Done done = request(Addresses.VISIT_COMMAND, ocs(tablet, "r-ocs-1"), tablet.token());
        assertEquals(12, done.score().orElseThrow().total().getAsInt());
        Recorded rated = trail().stream().filter(r -> r.as(TrailEvent.RatingEntered.class).isPresent()).findFirst().orElseThrow();
        assertEquals(Rater.SUBJECT, rated.as(TrailEvent.RatingEntered.class).orElseThrow().rater());
        assertEquals("nurse1", rated.actor(), "recorded in the name of the nurse who handed the tablet over");
        assertEquals(visit, rated.session().value(), "on the visit's own session");
        List<String> steps = trail().stream().flatMap(r -> r.as(TrailEvent.TabletAccess.class).stream())
                .map(t -> t.step() + " " + t.detail().replaceAll("valid until .*", "valid until")).toList();
        assertEquals(List.of("CODE_ISSUED valid until", "UNLOCKED code", "LOCKED rating recorded"), steps);

        // the token is spent: a second submission is not even a tablet any more; the rated form cannot go again
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.VISIT_COMMAND, ocs(tablet, "r-ocs-2"), tablet.token()).failureCode());
        ReplyException again = refused(Addresses.TABLET_HANDOVER_VISIT, new TabletRequest.HandOverVisit("nurse1", visit, "ocs"), nurse);
        assertEquals(VisitVerticle.REFUSED, again.failureCode());
        assertEquals("ocs is already rated at this visit", again.getMessage());
    }

    @Test
    void aVisitTabletMayDoNothingButItsRatingAndLocksWhenIdle() throws Exception {
        TabletRequest.Unlocked tablet = handedOver("ocs");
        assertEquals(BusGuard.FORBIDDEN, refused(Addresses.VISIT_COMMAND, new VisitCommand.AddNote(visit, "typed on the tablet"),
                tablet.token()).failureCode());
        assertEquals(BusGuard.FORBIDDEN, refused(Addresses.VISIT_COMMAND, new VisitCommand.Complete(visit), tablet.token()).failureCode());
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.VISIT_QUERY, new VisitQuery.Visit(visit),
                tablet.token()).failureCode());
        assertTrue(trail().stream().anyMatch(r -> r.as(TrailEvent.AccessDenied.class).isPresent()), "the refusal is audited");

        clock.advance(Duration.ofMinutes(3));
        Eventually.waitUntil(Duration.ofSeconds(10), "the idle lock in the trail", () -> {
            try {
                return trail().stream().flatMap(r -> r.as(TrailEvent.TabletAccess.class).stream())
                        .anyMatch(t -> t.step() == TabletStep.LOCKED && t.detail().equals("idle"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.VISIT_COMMAND, ocs(tablet, "r-idle"), tablet.token()).failureCode());
    }

    /** A CADSS the way the station's catalog lists it: {@code each} for the items in {@code ids}. */
    private static Map<String, Answer> cadss(List<String> ids, int each) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        ids.forEach(i -> answers.put(i, Answer.score(each)));
        return answers;
    }

    @Test
    void theSubjectAnswersCadssItems1To19OnTheTabletAndStaffRate20To23IntoOneTotalWithEachItemsRater() throws Exception {
        List<String> all = InstrumentCatalog.builtIn().get("cadss").items().stream().map(i -> i.id()).toList();
        TabletRequest.Code code = request(Addresses.TABLET_HANDOVER_VISIT, new TabletRequest.HandOverVisit("nurse1", visit, "cadss"), nurse);
        assertEquals(19, code.items(), "the tablet gets the subject-rated items only (Bremner 1998: 1-19; clinical.md)");
        TabletRequest.Unlocked tablet = request(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(code.code()), null);
        assertEquals(all.subList(0, 19), tablet.itemIds());
        Instant now = clock.instant();

        // the tablet may not answer the observer items
        var tooMany = new VisitCommand.RecordRating(visit, new Rating("c-x", "cadss", null, tablet.timePointId(), "nurse", "nurse1", now, now,
                cadss(all, 1), null));
        assertEquals(VisitVerticle.REFUSED, refused(Addresses.VISIT_COMMAND, tooMany, tablet.token()).failureCode());
        VisitReply.Done part = request(Addresses.VISIT_COMMAND, new VisitCommand.RecordRating(visit, new Rating("c-tablet", "cadss", null,
                tablet.timePointId(), "nurse", "nurse1", now, now, cadss(tablet.itemIds(), 2), null)), tablet.token());
        assertTrue(part.score().isEmpty(), "the subject's part is not a rating yet");
        Recorded answered = trail().stream().filter(r -> r.as(TrailEvent.RatingPartAnswered.class).isPresent()).findFirst().orElseThrow();
        assertEquals("nurse1", answered.actor());
        assertEquals(19, answered.as(TrailEvent.RatingPartAnswered.class).orElseThrow().part().answers().size());
        ReplyException twice = refused(Addresses.TABLET_HANDOVER_VISIT, new TabletRequest.HandOverVisit("nurse1", visit, "cadss"), nurse);
        assertEquals("the subject has answered cadss on the tablet: staff rate its observer items", twice.getMessage());
        ReplyException early = refused(Addresses.VISIT_COMMAND, new VisitCommand.Complete(visit), nurse);
        assertEquals("the subject answered cadss on the tablet: rate its observer items first", early.getMessage());

        // staff may not change the subject's answers while rating the observer items
        Map<String, Answer> changed = cadss(all.subList(0, 19), 2);
        changed.put(all.get(0), Answer.score(4));
        changed.putAll(cadss(all.subList(19, 23), 1));
        ReplyException edited = refused(Addresses.VISIT_COMMAND, new VisitCommand.RecordRating(visit, new Rating("c-edit", "cadss", null,
                VisitService.UNSCHEDULED, "nurse", "nurse1", now, now, changed, null)), nurse);
        assertEquals("the subject answered item 1 on the tablet: staff rate the observer items only (corrections are made in review)", edited.getMessage());

        Map<String, Answer> combined = cadss(all.subList(0, 19), 2);
        combined.putAll(cadss(all.subList(19, 23), 1));
        VisitReply.Done rated = request(Addresses.VISIT_COMMAND, new VisitCommand.RecordRating(visit, new Rating("c-full", "cadss", null,
                VisitService.UNSCHEDULED, "nurse", "nurse1", now, clock.instant(), combined, null)), nurse);
        assertEquals(19 * 2 + 4, rated.score().orElseThrow().total().getAsInt(), "one total of both parts");
        TrailEvent.RatingEntered entered = trail().stream().flatMap(r -> r.as(TrailEvent.RatingEntered.class).stream()).findFirst().orElseThrow();
        assertEquals(23, entered.itemRaters().size(), "read back from the file: each item's rater");
        all.subList(0, 19).forEach(i -> assertEquals(Rater.SUBJECT, entered.itemRaters().get(i), i));
        all.subList(19, 23).forEach(i -> assertEquals(Rater.OBSERVER, entered.itemRaters().get(i), i));
        assertNull(entered.rater(), "keyed in by staff as a whole");
        request(Addresses.VISIT_COMMAND, new VisitCommand.Complete(visit), nurse);
    }
}
