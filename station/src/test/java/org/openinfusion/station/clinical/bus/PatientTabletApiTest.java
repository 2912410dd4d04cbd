package org.openinfusion.station.clinical.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.api.CommandReply;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.api.SessionCommand;
import org.openinfusion.station.clinical.api.Step;
import org.openinfusion.station.clinical.api.TabletRequest;
import org.openinfusion.station.clinical.api.ViewRequest;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.TrailEvent.TabletStep;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rater;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.TabletGrants;
import org.openinfusion.station.testing.VisitStation;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.MutableClock;

/**
 * The patient tablet on a real event bus with a real audit file: staff hand a due rating to the patient with a one-time
 * code, the tablet submits only that rating through the ordinary rating command, recorded with rater = subject in the
 * staff member's name, and every code, unlock and lock is in the trail.
 */
class PatientTabletApiTest {
    private static final String BED = "bed-01";
    private static final String MIDAZOLAM = "ketamine-midazolam-active-placebo";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private VisitStation station;
    private String nurse;

    @BeforeEach
    void deploy() throws Exception {
        station = new VisitStation(dir, clock, Duration.ofHours(12), VisitStation.Worker.SESSIONS);
        nurse = station.signIn("nurse1", Role.NURSE, "Nurse One");
        send(new SessionCommand.CreateSession("nurse1", BED, MIDAZOLAM, "KET-014", 70, "KIT-0042"), nurse);
        send(new SessionCommand.SessionStep("nurse1", BED, Step.BASELINE, null), nurse); // baseline CADSS, BPRS+, VAS due
    }

    @AfterEach
    void close() throws Exception {
        station.close();
    }

    private <T> T request(String address, Object body, String token) throws Exception {
        return station.request(address, body, token);
    }

    private CommandReply send(SessionCommand c, String token) throws Exception {
        return request(Addresses.SESSION_COMMAND, c, token);
    }

    private ReplyException refused(String address, Object body, String token) {
        return station.refused(address, body, token);
    }

    private TabletRequest.Code handOver(String form) throws Exception {
        return request(Addresses.TABLET_HANDOVER, new TabletRequest.HandOver("nurse1", BED, "baseline", form), nurse);
    }

    private TabletRequest.Unlocked unlock(String code) throws Exception {
        return request(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(code), null);
    }

    /** The patient's answers to the three default VAS questions, as the tablet sends them. */
    private static SessionCommand.RecordRating vas(TabletRequest.Unlocked t, String id) {
        Instant now = Instant.parse("2026-11-22T08:01:00Z");
        return new SessionCommand.RecordRating(t.bed(), new Rating(id, "vas", null, t.timePointId(), t.staffRole(), t.staffUserId(), now,
                now, Map.of("high", Answer.score(12), "nausea", Answer.score(3), "craving", Answer.score(40)), null));
    }

    private List<Recorded> trail() throws Exception {
        return station.trail();
    }

    private List<TrailEvent.TabletAccess> tabletEvents() throws Exception {
        return trail().stream().flatMap(r -> r.as(TrailEvent.TabletAccess.class).stream()).toList();
    }

    @Test
    void theSubjectsAnswersAreRecordedWithRaterSubjectInTheNameOfTheNurseWhoHandedTheTabletOver() throws Exception {
        TabletRequest.Code code = handOver("vas");
        assertTrue(code.code().matches("\\d{6}"), code.code());
        assertEquals(3, code.items());
        TabletRequest.Unlocked tablet = unlock(code.code());
        assertEquals(List.of("high", "nausea", "craving"), tablet.itemIds());

        CommandReply reply = send(vas(tablet, "r-tablet-1"), tablet.token());

        assertTrue(reply.view().ratings().stream().anyMatch(r -> r.ratingId().equals("r-tablet-1")));
        Recorded rated = trail().stream().filter(r -> r.as(TrailEvent.RatingEntered.class).isPresent()).findFirst().orElseThrow();
        TrailEvent.RatingEntered e = rated.as(TrailEvent.RatingEntered.class).orElseThrow();
        assertEquals(Rater.SUBJECT, e.rater());
        assertEquals("nurse1", rated.actor());
        assertEquals(Answer.score(40), e.rating().answers().get("craving"));
        assertEquals("subject", rated.written().payload().get("rater"));
        assertEquals(List.of(TabletStep.CODE_ISSUED, TabletStep.UNLOCKED, TabletStep.LOCKED),
                tabletEvents().stream().map(TrailEvent.TabletAccess::step).toList());
        assertEquals("rating recorded", tabletEvents().get(2).detail());
        assertTrue(trail().stream().noneMatch(r -> r.written().payload().containsValue(code.code())), "the code is never written");
        // single use: the token locked with the rating
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.SESSION_COMMAND, vas(tablet, "r-tablet-2"), tablet.token()).failureCode());
    }

    @Test
    void aUsedOrExpiredCodeIsRefusedAndTheRefusalIsAudited() throws Exception {
        TabletRequest.Code first = handOver("vas");
        unlock(first.code());
        ReplyException used = refused(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(first.code()), null);
        assertEquals(BusGuard.FORBIDDEN, used.failureCode());
        assertTrue(used.getMessage().contains("code already used"), used.getMessage());

        TabletRequest.Code second = handOver("vas");
        clock.advance(Duration.ofMinutes(5));
        ReplyException expired = refused(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(second.code()), null);
        assertTrue(expired.getMessage().contains("code expired"), expired.getMessage());
        assertTrue(refused(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock("12345x"), null).getMessage().contains("unknown code"));

        assertEquals(List.of("code already used", "code expired", "unknown code"), tabletEvents().stream()
                .filter(t -> t.step() == TabletStep.CODE_REFUSED).map(TrailEvent.TabletAccess::detail).toList());
    }

    @Test
    void tenWrongCodesInARowWithdrawEveryOutstandingCode() throws Exception {
        TabletRequest.Code code = handOver("vas");
        for (int i = 0; i < TabletGrants.MAX_WRONG_CODES; i++) {
            String wrong = code.code().equals("000000") ? "000001" : "000000";
            refused(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(wrong), null);
        }
        ReplyException late = refused(Addresses.TABLET_UNLOCK, new TabletRequest.Unlock(code.code()), null);
        assertTrue(late.getMessage().contains("withdrawn") || late.getMessage().contains("unknown"), late.getMessage());
        assertTrue(tabletEvents().stream().anyMatch(t -> t.step() == TabletStep.LOCKED && t.detail().contains("withdrawn")));
    }

    @Test
    void aTabletMaySubmitOnlyTheRatingItWasHandedAndNothingElse() throws Exception {
        TabletRequest.Unlocked tablet = unlock(handOver("vas").code());
        Instant now = clock.instant();
        var otherForm = new SessionCommand.RecordRating(BED, new Rating("r-x", "bprs_pos", null, "baseline", "nurse", "nurse1", now, now,
                Map.of("conceptual_disorganization", Answer.score(1), "suspiciousness", Answer.score(1),
                        "hallucinatory_behavior", Answer.score(1), "unusual_thought_content", Answer.score(1)), null));
        assertEquals(BusGuard.FORBIDDEN, refused(Addresses.SESSION_COMMAND, otherForm, tablet.token()).failureCode());
        var marker = new SessionCommand.AddMarker("nurse1", BED, MarkerKind.NAUSEA, "");
        assertEquals(BusGuard.FORBIDDEN, refused(Addresses.SESSION_COMMAND, marker, tablet.token()).failureCode());
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.SESSION_VIEW, new ViewRequest(BED), tablet.token()).failureCode());
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.TABLET_HANDOVER,
                new TabletRequest.HandOver("nurse1", BED, "baseline", "vas"), tablet.token()).failureCode());
        // the rating it was handed still goes through
        send(vas(tablet, "r-tablet-3"), tablet.token());
    }

    /** CADSS answers for items {@code from} to {@code to}, each {@code score}. */
    private static Map<String, Answer> cadss(int from, int to, int score) {
        Map<String, Answer> out = new HashMap<>();
        for (int i = from; i <= to; i++) {
            out.put(String.valueOf(i), Answer.score(score));
        }
        return out;
    }

    private static Rating cadssRating(String id, Map<String, Answer> answers) {
        Instant now = Instant.parse("2026-11-22T08:02:00Z");
        return new Rating(id, "cadss", null, "baseline", "nurse", "nurse1", now, now, answers, null);
    }

    @Test
    void atTheBedTheTabletGivesTheSubjectCadssItems1To19AndStaffRate20To23IntoOneRatingWithEachItemsRater() throws Exception {
        TabletRequest.Code code = handOver("cadss");
        assertEquals(19, code.items(), "the subject-rated items only");
        TabletRequest.Unlocked tablet = unlock(code.code());
        assertEquals(19, tablet.itemIds().size());
        assertFalse(tablet.itemIds().contains("20"));
        // the tablet may not answer an observer item
        assertTrue(refused(Addresses.SESSION_COMMAND, new SessionCommand.RecordRating(BED, cadssRating("r-part-x", cadss(1, 20, 2))), tablet.token())
                .getMessage().contains("items 1, 2"));
        CommandReply part = send(new SessionCommand.RecordRating(BED, cadssRating("r-part", cadss(1, 19, 2))), tablet.token());
        assertEquals(1, part.view().tabletParts().size(), "the subject's part waits for staff");
        assertTrue(part.view().ratings().isEmpty(), "no rating yet: the time point is not done");
        assertTrue(trail().stream().anyMatch(r -> r.as(TrailEvent.RatingPartAnswered.class).isPresent() && "nurse1".equals(r.actor())));
        // while it waits, the form is not handed over again
        assertTrue(refused(Addresses.TABLET_HANDOVER, new TabletRequest.HandOver("nurse1", BED, "baseline", "cadss"), nurse)
                .getMessage().contains("staff rate its observer items"));
        // staff may not change the subject's answers
        Map<String, Answer> changed = cadss(1, 23, 1);
        assertTrue(refused(Addresses.SESSION_COMMAND, new SessionCommand.RecordRating(BED, cadssRating("r-staff-x", changed)), nurse)
                .getMessage().contains("on the tablet: staff rate the observer items only"));
        Map<String, Answer> whole = cadss(1, 19, 2);
        whole.putAll(cadss(20, 23, 1));
        CommandReply rated = send(new SessionCommand.RecordRating(BED, cadssRating("r-staff", whole)), nurse);
        assertTrue(rated.view().tabletParts().isEmpty());
        assertEquals(42, rated.score().orElseThrow().total().getAsInt());
        TrailEvent.RatingEntered e = trail().stream().flatMap(r -> r.as(TrailEvent.RatingEntered.class).stream()).findFirst().orElseThrow();
        assertEquals(23, e.itemRaters().size());
        assertEquals(19, e.itemRaters().values().stream().filter(r -> r == Rater.SUBJECT).count());
        assertEquals(Rater.OBSERVER, e.itemRaters().get("20"));
    }

    @Test
    void anIdleTabletLocksItselfAndTheLockIsAudited() throws Exception {
        TabletRequest.Unlocked tablet = unlock(handOver("vas").code());
        clock.advance(Duration.ofMinutes(3));
        Eventually.waitUntil(Duration.ofSeconds(10), "the idle lock in the trail", () -> {
            try {
                return tabletEvents().stream().anyMatch(t -> t.step() == TabletStep.LOCKED && t.detail().equals("idle"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.SESSION_COMMAND, vas(tablet, "r-idle"), tablet.token()).failureCode());
    }

    @Test
    void staffTakeTheTabletBackWithTheirSignInOrUnlockItWithTheirSignInInsteadOfACode() throws Exception {
        handOver("vas");
        TabletRequest.Unlocked tablet = request(Addresses.TABLET_UNLOCK, new TabletRequest.UnlockAsStaff("nurse1"), nurse);
        assertEquals("vas", tablet.form());
        assertEquals(true, request(Addresses.TABLET_LOCK, new TabletRequest.Lock(tablet.token(), null), nurse));
        assertEquals(BusGuard.SIGNED_OUT, refused(Addresses.SESSION_COMMAND, vas(tablet, "r-back"), tablet.token()).failureCode());
        List<TrailEvent.TabletAccess> events = tabletEvents();
        assertEquals("staff sign-in", events.get(1).detail());
        assertEquals("taken back by staff", events.get(2).detail());
    }
}
