package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.api.VisitCommand;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.VisitService;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.TabletGrants;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.AuditFileTrail;
import org.openinfusion.station.testing.ReviewScenario;

/** Sign-off per rating visit: a physician signs a completed visit as an infusion session (e-signature, audit trail). */
class VisitSignOffTest {
    private static final Principal DR = new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME);
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    @TempDir
    Path dir;
    private ReviewScenario scenario;
    private ReviewService review;
    private VisitService visits;
    private String screening;

    @BeforeEach
    void heldScreening() throws IOException {
        scenario = new ReviewScenario(dir);
        scenario.clock.set(START);
        visits = new VisitService(ProtocolCatalog.builtIn(), InstrumentCatalog.builtIn(), scenario.audit, AuditFileTrail.reader(scenario.file),
                scenario.clock, ZoneOffset.UTC);
        visits.handle("rater1", new VisitCommand.Enrol("KET-701", ReviewScenario.PROTOCOL, LocalDate.of(2026, 11, 22)));
        screening = visits.handle("rater1", new VisitCommand.StartVisit("KET-701", ReviewScenario.PROTOCOL, "screening", 1)).visitSessionId();
        Map<String, Answer> answers = new LinkedHashMap<>();
        InstrumentCatalog.builtIn().get("hamd17").items().forEach(i -> answers.put(i.id(), Answer.score(Math.min(1, i.max()))));
        visits.handle("rater1", new VisitCommand.RecordRating(screening, new Rating("r-scr", "hamd17", null, "screening", "research_rater",
                "rater1", START, START.plusSeconds(600), answers, null)));
        review = scenario.review();
    }

    @AfterEach
    void close() throws IOException {
        scenario.close();
    }

    private ReviewRequest.Sign sign(String visit, SignatureMeaning meaning, String password, String userId) {
        return new ReviewRequest.Sign(visit, meaning, password.toCharArray(), 0, userId);
    }

    private int refused(ReviewRequest.Sign r, boolean first) {
        return assertThrows(ReviewException.class, () -> review.signVisit(DR, r, first)).code();
    }

    private List<AuditEntry> signed() throws IOException {
        return AuditReader.readVerified(scenario.file).stream().filter(e -> e.type().equals("record.signed")).toList();
    }

    @Test
    void aCompletedVisitIsSignedReviewedThenApprovedWithTheSignersPasswordAndTheSignatureIsInTheVisitsTrail() throws IOException {
        String right = new String(ReviewScenario.PHYSICIAN_PASSWORD);
        assertEquals(409, refused(sign(screening, SignatureMeaning.REVIEWED, right, ReviewScenario.PHYSICIAN), true), "not completed yet");
        visits.handle("rater1", new VisitCommand.Complete(screening));
        assertEquals(404, refused(sign("visit-unknown", SignatureMeaning.REVIEWED, right, ReviewScenario.PHYSICIAN), true));
        assertEquals(422, refused(sign(screening, SignatureMeaning.REVIEWED, right, ""), true), "a sign-in's first signature asks the user id");
        assertEquals(422, refused(sign(screening, SignatureMeaning.REVIEWED, "wrong", ReviewScenario.PHYSICIAN), true));
        assertTrue(signed().isEmpty());

        AuditEntry completed = AuditReader.readVerified(scenario.file).stream().filter(e -> e.type().equals("visit.completed")).findFirst()
                .orElseThrow();
        scenario.clock.set(Instant.parse("2026-11-23T14:00:00Z"));
        ReviewRequest.Sign request = sign(screening, SignatureMeaning.REVIEWED, right, ReviewScenario.PHYSICIAN);
        VisitSignOff.VisitSignatures after = review.signVisit(DR, request, true);
        assertArrayEquals(new char[right.length()], request.password(), "password cleared");
        assertEquals(List.of(new Signature(ReviewScenario.PHYSICIAN, "Dr. Ada Example", SignatureMeaning.REVIEWED,
                Instant.parse("2026-11-23T14:00:00Z"), signed().getFirst().seq())), after.current());
        AuditEntry entry = signed().getFirst();
        assertEquals(screening, entry.sessionId(), "on the visit's own trail session");
        assertEquals(ReviewScenario.PHYSICIAN, entry.actor());
        assertEquals(Map.of("meaning", "reviewed", "printedName", "Dr. Ada Example", "signedAt", "2026-11-23T14:00:00Z",
                "lastSeq", (int) completed.seq(), "lastHash", completed.hash()), entry.payload(), "covers the visit's last entry");

        assertEquals(409, refused(sign(screening, SignatureMeaning.REVIEWED, right, ""), false), "not twice with the same meaning");
        VisitSignOff.VisitSignatures approved = review.signVisit(DR, sign(screening, SignatureMeaning.APPROVED, right, ""), false);
        assertEquals(List.of(SignatureMeaning.REVIEWED, SignatureMeaning.APPROVED), approved.signatures().stream().map(Signature::meaning).toList());
        assertEquals(409, refused(sign(screening, SignatureMeaning.REVIEWED, right, ""), false), "nothing after approval");
        assertEquals(2, signed().size());
        // the visit's signatures as the visit page reads them from the visit service
        assertEquals(approved.signatures(), VisitSignOff.all(visits.visits().visit(screening).orElseThrow()));
    }

    @Test
    void aTabletLockingItselfWhenIdleAfterTheSignatureLeavesTheVisitSigned() throws IOException {
        String right = new String(ReviewScenario.PHYSICIAN_PASSWORD);
        // the patient tablet was handed a rating of the visit and unlocked; the nurse completes the visit meanwhile
        TabletGrants grants = new TabletGrants(scenario.clock, TabletGrants.DEFAULT_CODE_VALIDITY, TabletGrants.DEFAULT_IDLE_LOCK);
        TabletGrants.Handover h = new TabletGrants.Handover(grants.newHandoverId(), null, screening, "screening", "vas",
                new Principal("rater1", Role.NURSE, "Nurse One"));
        TabletGrants.Issued code = grants.issue(h);
        visits.tablet(h, "rater1", TrailEvent.TabletStep.CODE_ISSUED, "valid until " + code.expiresAt());
        assertInstanceOf(TabletGrants.Unlocked.class, grants.redeem(code.code()));
        visits.tablet(h, "rater1", TrailEvent.TabletStep.UNLOCKED, "code");
        visits.handle("rater1", new VisitCommand.Complete(screening));
        review.signVisit(DR, sign(screening, SignatureMeaning.REVIEWED, right, ReviewScenario.PHYSICIAN), true);
        long signedSeq = signed().getFirst().seq();

        scenario.clock.advance(TabletGrants.DEFAULT_IDLE_LOCK);
        List<TabletGrants.Handover> idle = grants.sweep();
        assertEquals(List.of(h), idle);
        idle.forEach(x -> visits.tablet(x, "tablet", TrailEvent.TabletStep.LOCKED, "idle"));
        AuditEntry last = AuditReader.readVerified(scenario.file).getLast();
        assertEquals("tablet.locked", last.type());
        assertEquals(screening, last.sessionId(), "the idle lock is the visit's last entry");

        StudyVisits.VisitSession v = visits.visits().visit(screening).orElseThrow();
        assertEquals(List.of(SignatureMeaning.REVIEWED), VisitSignOff.current(v).stream().map(Signature::meaning).toList(), "still counts");
        assertEquals(StudyVisits.SignatureStatus.REVIEWED, v.signatureStatus(), "as the review list and the day sheet read it");
        // a physician who opened the visit before the lock may approve it: nothing clinical changed since
        VisitSignOff.VisitSignatures approved = review.signVisit(DR,
                new ReviewRequest.Sign(screening, SignatureMeaning.APPROVED, right.toCharArray(), signedSeq, ""), false);
        assertEquals(List.of(SignatureMeaning.REVIEWED, SignatureMeaning.APPROVED), approved.current().stream().map(Signature::meaning).toList());
        assertEquals(StudyVisits.SignatureStatus.APPROVED, visits.visits().visit(screening).orElseThrow().signatureStatus());
    }
}
