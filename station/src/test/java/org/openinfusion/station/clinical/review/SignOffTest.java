package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.protocol.AlarmPriority;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.review.ReviewRequest.AmendmentKind;
import org.openinfusion.station.clinical.session.AdverseEvent;
import org.openinfusion.station.clinical.service.SessionService;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.TechnicalAlarmId;
import org.openinfusion.station.security.Authenticator;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.ReviewFixture;
import org.openinfusion.station.testing.ReviewScenario;

/** E-signatures, the lock at the bedside, and amendments, on a real audit file with a real authenticator (bcrypt cost 4). */
class SignOffTest {
    private static final Instant START = ReviewFixture.START;
    private static final Principal DR = ReviewFixture.PHYSICIAN;

    @TempDir
    Path dir;
    ReviewFixture fixture;
    ReviewScenario scenario;
    ReviewService review;
    String closed;

    @BeforeEach
    void closedSession() throws IOException {
        fixture = new ReviewFixture(dir);
        scenario = fixture.scenario;
        closed = fixture.closed;
        review = fixture.review;
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private ReviewRequest.Sign sign(String session, SignatureMeaning meaning, String password) {
        return new ReviewRequest.Sign(session, meaning, password.toCharArray());
    }

    private ReviewRequest.Sign signRight(String session, SignatureMeaning meaning) {
        return new ReviewRequest.Sign(session, meaning, ReviewScenario.PHYSICIAN_PASSWORD.clone());
    }

    private List<AuditEntry> entries(String type) throws IOException {
        return AuditReader.readVerified(scenario.file).stream().filter(e -> e.type().equals(type)).toList();
    }

    private static int code(Runnable r) {
        return assertThrows(ReviewException.class, r::run).code();
    }

    @Test
    void onlyAClosedSessionCanBeSignedAndThePasswordIsNotAskedBefore() throws IOException {
        scenario.clock.advance(Duration.ofMinutes(1));
        String open = scenario.quickSession("bed-02", ReviewScenario.PROTOCOL, "KET-502", scenario.clock.instant(), true);
        ReviewException e = assertThrows(ReviewException.class, () -> review.sign(DR, signRight(open, SignatureMeaning.REVIEWED)));
        assertEquals(409, e.code());
        assertTrue(e.getMessage().contains("only a closed session can be signed"), e.getMessage());
        assertTrue(entries("record.signed").isEmpty());
        assertTrue(entries("user.password_confirmed").isEmpty());
        assertEquals(404, code(() -> review.sign(DR, signRight("no-such-session", SignatureMeaning.REVIEWED))));
    }

    @Test
    void aSignatureStatesNameTimeMeaningAndTheLastEntryItCovers() throws IOException {
        AuditEntry lastBefore = AuditReader.readVerified(scenario.file).stream().filter(e -> closed.equals(e.sessionId())).toList().getLast();
        scenario.clock.set(Instant.parse("2026-11-23T14:00:00Z"));
        ReviewRequest.Sign request = signRight(closed, SignatureMeaning.REVIEWED);
        SessionRecord r = review.sign(DR, request);

        assertArrayEquals(new char[ReviewScenario.PHYSICIAN_PASSWORD.length], request.password(), "password cleared");
        AuditEntry signed = entries("record.signed").getFirst();
        assertEquals(Map.of("meaning", "reviewed", "printedName", "Dr. Ada Example", "signedAt", "2026-11-23T14:00:00Z",
                "lastSeq", (int) lastBefore.seq(), "lastHash", lastBefore.hash()), signed.payload());
        assertEquals(ReviewScenario.PHYSICIAN, signed.actor());
        assertEquals(List.of(new Signature(ReviewScenario.PHYSICIAN, "Dr. Ada Example", SignatureMeaning.REVIEWED,
                Instant.parse("2026-11-23T14:00:00Z"), signed.seq())), r.signatures());
        assertEquals(ReviewFilter.RecordState.SIGNED, r.listing().state());
        assertFalse(r.listing().needsSignature());
        assertEquals(SessionRecord.Category.SIGNATURE, r.events().getLast().category());
        assertEquals("Signed: Reviewed by Dr. Ada Example", r.events().getLast().title());
    }

    @Test
    void reviewedThenApprovedIsAllowedButNoRepeatAndNothingAfterApproval() throws IOException {
        review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED));
        ReviewException e = assertThrows(ReviewException.class, () -> review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED)));
        assertEquals(409, e.code());
        assertTrue(e.getMessage().contains("already signed (Reviewed by Dr. Ada Example"), e.getMessage());
        assertTrue(e.getMessage().contains("same meaning"), e.getMessage());

        review.sign(DR, signRight(closed, SignatureMeaning.APPROVED));
        ReviewException after = assertThrows(ReviewException.class, () -> review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED)));
        assertEquals(409, after.code());
        assertTrue(after.getMessage().contains("Approved by Dr. Ada Example") && after.getMessage().contains("amend it first"), after.getMessage());
        assertEquals(2, entries("record.signed").size());
    }

    @Test
    void aWrongPasswordIsRefusedAndCountsTowardsTheLock() throws IOException {
        for (int i = 1; i <= 4; i++) {
            ReviewException e = assertThrows(ReviewException.class, () -> review.sign(DR, sign(closed, SignatureMeaning.REVIEWED, "wrong")));
            assertEquals(422, e.code());
            assertEquals(Authenticator.WRONG, e.getMessage());
        }
        ReviewException fifth = assertThrows(ReviewException.class, () -> review.sign(DR, sign(closed, SignatureMeaning.REVIEWED, "wrong")));
        assertEquals(423, fifth.code());
        assertTrue(fifth.getMessage().contains("locked after 5 wrong passwords"), fifth.getMessage());
        assertEquals(423, code(() -> review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED))), "even the right password, while locked");
        assertEquals(5, entries("user.password_confirm_failed").size());
        assertEquals(1, entries("user.locked").size());
        assertTrue(entries("record.signed").isEmpty());
        assertTrue(scenario.authenticator.lockedUntil(ReviewScenario.PHYSICIAN).isPresent());
    }

    @Test
    void aClosedSessionIsLockedAtTheBedsideWithAPointerToAmendments() {
        review.sign(DR, signRight(closed, SignatureMeaning.APPROVED));
        SessionService s = scenario.sessions;
        Instant now = scenario.clock.instant();
        Rating late = new Rating("late", "cadss", null, "baseline", "nurse", "nurse-2", now, now, answersAll(0), null);
        List<Runnable> changes = List.of(
                () -> s.mark("bed-01", "nurse-2", "NAUSEA", ""),
                () -> s.record("bed-01", late),
                () -> s.command("bed-01", new SessionEvent.Closed(now, "nurse-2", "again")),
                () -> s.command("bed-01", new SessionEvent.ObservationStarted(now, "nurse-2")),
                () -> s.acknowledge("bed-01", "LIMIT:hr:lo50:hi120", "nurse-2"),
                () -> s.silence("bed-01", "LIMIT:hr:lo50:hi120", "nurse-2", Duration.ofSeconds(60)));
        for (Runnable change : changes) {
            IllegalStateException e = assertThrows(IllegalStateException.class, change::run);
            assertEquals(String.format(SessionService.LOCKED, closed, "bed-01"), e.getMessage());
            assertTrue(e.getMessage().contains("amendment in review"));
        }
        assertTrue(s.technical("bed-01", TechnicalAlarmId.ofDevice("DEVICE_OFFLINE", "monitor"), true, AlarmPriority.HIGH,
                "monitor offline").isEmpty(), "no alarms on a closed session");
        assertEquals(ReviewFilter.RecordState.SIGNED, review.open(closed).listing().state(), "nothing was written");
    }

    @Test
    void aNoteAmendmentMakesASignedRecordNeedSigningAgain() {
        review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED));
        scenario.clock.advance(Duration.ofHours(1));
        SessionRecord amended = review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.NOTE, "late entry from the paper notes",
                "participant reported mild dizziness at 09:20", null, null));
        assertEquals(List.of(new SessionRecord.Amendment(ReviewScenario.PHYSICIAN, scenario.clock.instant(), "late entry from the paper notes",
                "note", "participant reported mild dizziness at 09:20", amended.events().getLast().auditSeq())), amended.amendments());
        assertTrue(amended.listing().amendedSinceSigned());
        assertTrue(amended.listing().needsSignature());
        assertEquals(ReviewFilter.RecordState.CLOSED, amended.listing().state());
        assertEquals(SessionRecord.Category.AMENDMENT, amended.events().getLast().category());

        SessionRecord resigned = review.sign(DR, signRight(closed, SignatureMeaning.APPROVED));
        assertEquals(ReviewFilter.RecordState.SIGNED, resigned.listing().state());
        assertFalse(resigned.listing().amendedSinceSigned());
        assertEquals(List.of(SignatureMeaning.REVIEWED, SignatureMeaning.APPROVED), resigned.signatures().stream().map(Signature::meaning).toList());
    }

    @Test
    void aPhysicianRecordsAnAdverseEventAfterClosingAsAnAmendmentTheTrailReviewAndSdtmAeKeep() throws IOException {
        review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED));
        scenario.clock.advance(Duration.ofHours(3));
        Instant onset = START.plus(Duration.ofMinutes(50));
        var headache = new AdverseEvent("AE-1", "Headache", onset, Optional.of(START.plus(Duration.ofMinutes(170))),
                AdverseEvent.Severity.MILD, false, AdverseEvent.Relationship.POSSIBLY_RELATED, AdverseEvent.Action.NOT_APPLICABLE,
                AdverseEvent.Outcome.RECOVERED_RESOLVED, Optional.empty());
        SessionRecord r = review.amend(DR, ReviewRequest.Amend.adverseEvent(closed, "reported by telephone the next morning", headache));

        AuditEntry recorded = entries("ae.recorded").getFirst();
        assertEquals(ReviewScenario.PHYSICIAN, recorded.actor());
        assertEquals("Headache", recorded.payload().get("term"));
        AuditEntry amendment = entries("record.amended").getFirst();
        assertEquals(Map.of("at", scenario.clock.instant().toString(), "reason", "reported by telephone the next morning",
                "kind", "adverse_event", "adverseEventId", "AE-1"), amendment.payload());
        assertTrue(amendment.seq() > recorded.seq());
        assertEquals(List.of(new SessionRecord.Amendment(ReviewScenario.PHYSICIAN, scenario.clock.instant(), "reported by telephone the next morning",
                "adverse_event", "adverse event AE-1 recorded after closing", amendment.seq())), r.amendments());
        assertTrue(r.events().stream().anyMatch(e -> e.category() == SessionRecord.Category.ADVERSE_EVENT
                && e.title().equals("Adverse event AE-1: Headache")), r.events().toString());
        assertTrue(r.listing().amendedSinceSigned(), "a signed record needs signing again");
        String ae = new String(review.export(DR, new ReviewRequest.Export(closed, null, ExportFormat.SDTM_AE)).content(), StandardCharsets.UTF_8);
        assertTrue(ae.contains(",Headache,HEADACHE,RECORDED BY STAFF,,MILD,N,NOT APPLICABLE,POSSIBLY RELATED,"), ae);

        var future = new AdverseEvent("AE-2", "Nausea", scenario.clock.instant().plusSeconds(60), Optional.empty(), AdverseEvent.Severity.MILD,
                false, AdverseEvent.Relationship.UNLIKELY_RELATED, AdverseEvent.Action.NOT_APPLICABLE, AdverseEvent.Outcome.UNKNOWN, Optional.empty());
        assertEquals(400, code(() -> review.amend(DR, ReviewRequest.Amend.adverseEvent(closed, "late", future))));
        assertEquals(400, code(() -> review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.ADVERSE_EVENT, "late", null, null, null))));
    }

    @Test
    void aRatingAmendmentIsRescoredAndWrittenAsACorrectionTheExportsShow() throws IOException {
        Map<String, Object> answers = new HashMap<>(ReviewScenario.range(1, 23, 2));
        answers.put("7", "not assessed: participant declined");
        SessionRecord r = review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.RATING, "transcription error: paper form shows 2s",
                null, "q-KET-501", answers));

        AuditEntry correction = entries("rating.corrected").getFirst();
        assertEquals(true, correction.payload().get("amendment"));
        assertEquals("q-KET-501", correction.payload().get("corrects"));
        assertEquals("transcription error: paper form shows 2s", correction.payload().get("reason"));
        assertEquals(44, correction.payload().get("total"), "22 items x 2, item 7 not assessed");
        assertEquals(false, correction.payload().get("complete"));
        assertEquals("physician", correction.payload().get("raterRole"));
        assertEquals("not assessed: participant declined", ((Map<?, ?>) correction.payload().get("answers")).get("7"));
        AuditEntry amendment = entries("record.amended").getFirst();
        assertEquals(Map.of("at", scenario.clock.instant().toString(), "reason", "transcription error: paper form shows 2s", "kind", "rating",
                "ratingId", "q-KET-501", "correctionId", correction.payload().get("ratingId")), amendment.payload());
        assertTrue(amendment.seq() > correction.seq());

        var original = r.ratings().stream().filter(x -> x.ratingId().equals("q-KET-501")).findFirst().orElseThrow();
        var corrected = r.ratings().stream().filter(x -> x.amendment()).findFirst().orElseThrow();
        assertEquals(corrected.ratingId(), original.supersededBy());
        assertEquals(44, corrected.total());
        assertEquals("q-KET-501", corrected.corrects());
        assertEquals(new SessionRecord.ItemRow("7", "CADSS item 7", null, "participant declined"), corrected.items().get(6));
        assertEquals(23, original.total());
        assertTrue(r.listing().needsSignature(), "never signed: still needs it");

        String csv = new String(review.export(DR, new ReviewRequest.Export(closed, null, ExportFormat.RATINGS_CSV)).content(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(corrected.ratingId()), "the ratings export carries the amended rating");
        AuditEntry exported = entries("export.created").getLast();
        assertEquals(ReviewScenario.PHYSICIAN, exported.actor());
        assertEquals(null, exported.sessionId(), "an export is not a change to the record");
        assertEquals(List.of(closed), exported.payload().get("sessions"));
        assertEquals("ratings-csv", exported.payload().get("format"));
        assertEquals(csv.getBytes(StandardCharsets.UTF_8).length, ((Number) exported.payload().get("bytes")).intValue());
        assertEquals(64, ((String) exported.payload().get("sha256")).length());
    }

    @Test
    void amendmentsThatDoNotFitAreRefused() {
        Map<String, Object> outOfRange = new HashMap<>(ReviewScenario.range(1, 23, 1));
        outOfRange.put("3", 9);
        ReviewException e = assertThrows(ReviewException.class, () -> review.amend(DR,
                new ReviewRequest.Amend(closed, AmendmentKind.RATING, "typo", null, "q-KET-501", outOfRange)));
        assertEquals(400, e.code());
        assertTrue(e.getMessage().contains("item 3: score 9 outside"), e.getMessage());
        Map<String, Object> missing = new HashMap<>(ReviewScenario.range(1, 22, 1));
        assertTrue(assertThrows(ReviewException.class, () -> review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.RATING, "typo",
                null, "q-KET-501", missing))).getMessage().contains("item 23: missing"));
        Map<String, Object> text = new HashMap<>(ReviewScenario.range(1, 23, 1));
        text.put("4", "three");
        assertEquals(400, code(() -> review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.RATING, "typo", null, "q-KET-501", text))));
        assertEquals(400, code(() -> review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.RATING, "typo", null, "r-none",
                ReviewScenario.range(1, 23, 1)))));
        assertEquals(400, code(() -> review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.NOTE, "why", " ", null, null))));
        assertThrows(IllegalArgumentException.class, () -> new ReviewRequest.Amend(closed, AmendmentKind.NOTE, " ", "text", null, null));

        review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.RATING, "typo", null, "q-KET-501", ReviewScenario.range(1, 23, 0)));
        ReviewException again = assertThrows(ReviewException.class, () -> review.amend(DR,
                new ReviewRequest.Amend(closed, AmendmentKind.RATING, "typo", null, "q-KET-501", ReviewScenario.range(1, 23, 0))));
        assertEquals(409, again.code());
        assertTrue(again.getMessage().contains("already corrected"), again.getMessage());

        scenario.clock.advance(Duration.ofMinutes(1));
        String open = scenario.quickSession("bed-02", ReviewScenario.PROTOCOL, "KET-503", scenario.clock.instant(), true);
        assertEquals(409, code(() -> review.amend(DR, new ReviewRequest.Amend(open, AmendmentKind.NOTE, "late", "text", null, null))));
    }

    @Test
    void aBrokenAuditTrailFailsEveryRequest() throws IOException {
        assertNull(review.open(closed).storeProblem());
        Files.writeString(scenario.file, "{\"not\":\"an entry\"}\n", StandardOpenOption.APPEND);
        for (Runnable r : List.<Runnable>of(() -> review.open(closed), () -> review.list(ReviewFilter.ALL),
                () -> review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED)))) {
            ReviewException e = assertThrows(ReviewException.class, r::run);
            assertEquals(500, e.code());
            assertTrue(e.getMessage().startsWith("The audit trail is broken at line "), e.getMessage());
            assertTrue(e.getMessage().contains("UNPARSABLE_LINE"), e.getMessage());
        }
    }

    private static Map<String, Answer> answersAll(int value) {
        Map<String, Answer> m = new HashMap<>();
        for (int i = 1; i <= 23; i++) {
            m.put(String.valueOf(i), Answer.score(value));
        }
        return m;
    }

    @Test
    void anExportOfASecondCrossoverSessionCountsTheSubjectsEarlierDosedSession() {
        Instant day2 = ReviewScenario.T0.plus(Duration.ofDays(28));
        // the period counts dosed sessions (issue 12): the earlier session is dosed, then withdrawn
        scenario.quickSession("bed-05", ReviewScenario.PROTOCOL, "KET-777", day2, true);
        scenario.sessions.command("bed-05", new SessionEvent.PretreatmentGiven(scenario.clock.instant(),
                "nurse-2"));
        scenario.sessions.command("bed-05", new SessionEvent.InfusionStarted(scenario.clock.instant(),
                "nurse-2", "nurse"));
        scenario.sessions.command("bed-05", new SessionEvent.Closed(scenario.clock.instant(),
                "nurse-2", "withdrawn after dosing"));
        String second = scenario.quickSession("bed-05", ReviewScenario.PROTOCOL, "KET-777", day2.plus(Duration.ofDays(28)), true);
        scenario.sessions.mark("bed-05", "nurse-2", "NAUSEA", "");
        scenario.sessions.command("bed-05", new SessionEvent.Closed(scenario.clock.instant(),
                "nurse-2", "withdrawn"));

        List<String> lines = new String(review.export(DR, new ReviewRequest.Export(second, null, ExportFormat.SDTM_AE)).content(),
                StandardCharsets.UTF_8).lines().toList();
        int visit = List.of(lines.getFirst().split(",")).indexOf("VISITNUM");
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("2", lines.get(1).split(",")[visit], "the subject's second session is period 2: " + lines);

        List<String> filtered = new String(review.export(DR, new ReviewRequest.Export(null,
                new ReviewFilter(null, null, null, "KET-777", null, false), ExportFormat.SDTM_AE)).content(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(lines, filtered, "the filter exports both sessions of the subject; only the second has an adverse event");
        assertEquals(400, code(() -> review.export(DR, new ReviewRequest.Export(null,
                new ReviewFilter(null, null, null, "NOBODY", null, false), ExportFormat.SDTM_AE))));
    }

    @Test
    void aSignatureIsBoundToTheVersionTheSignerSawAndNeedsReadableVitalsAndAPhysicianStill() throws IOException {
        SessionRecord seen = review.open(closed);
        review.amend(DR, new ReviewRequest.Amend(closed, AmendmentKind.NOTE, "late entry", "patient reported dizziness at 30 min",
                null, null));
        char[] password = ReviewScenario.PHYSICIAN_PASSWORD.clone();
        ReviewException changed = assertThrows(ReviewException.class, () -> review.sign(DR,
                new ReviewRequest.Sign(closed, SignatureMeaning.APPROVED, password, seen.lastSeq())));
        assertEquals(409, changed.code());
        assertTrue(changed.getMessage().contains("changed after you opened it"), changed.getMessage());
        assertTrue(new String(password).chars().allMatch(c -> c == 0), "the password is cleared on a refusal too");

        scenario.series.down = true;
        long now = review.open(closed).lastSeq();
        ReviewException store = assertThrows(ReviewException.class, () -> review.sign(DR,
                new ReviewRequest.Sign(closed, SignatureMeaning.APPROVED, ReviewScenario.PHYSICIAN_PASSWORD.clone(), now)));
        assertEquals(409, store.code());
        assertTrue(store.getMessage().contains("cannot be read"), store.getMessage());
        scenario.series.down = false;

        scenario.users.put(ReviewScenario.PHYSICIAN, Role.NURSE, ReviewScenario.PHYSICIAN_NAME, ReviewScenario.PHYSICIAN_PASSWORD.clone());
        ReviewException demoted = assertThrows(ReviewException.class, () -> review.sign(DR,
                new ReviewRequest.Sign(closed, SignatureMeaning.APPROVED, ReviewScenario.PHYSICIAN_PASSWORD.clone(), now)));
        assertEquals(403, demoted.code());
        assertEquals(0, entries("record.signed").size());
    }

    @Test
    void theAuditTrailExportOfEverySessionIsTheWholeChainStationWideEntriesIncluded() throws IOException {
        review.sign(DR, signRight(closed, SignatureMeaning.REVIEWED));
        List<String> lines = new String(review.export(DR, new ReviewRequest.Export(null, null, ExportFormat.AUDIT_CSV)).content(),
                StandardCharsets.UTF_8).lines().toList();
        List<AuditEntry> file = AuditReader.readVerified(scenario.file);
        assertEquals(file.size() - 1, lines.size() - 1, "every entry but the export's own audit entry, written after the file was made");
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith(i + ","), "row " + i + " is entry " + i + ": " + lines.get(i));
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("user.password_confirmed")), "station-wide entries are in");
    }
}
