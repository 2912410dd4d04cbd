package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.bus.Codecs;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditReader;
import org.openinfusion.station.clinical.bus.ReviewVerticle;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.BusGuard;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.security.SignIns;
import org.openinfusion.station.testing.ReviewScenario;

/** Every role tries every review action over the real event bus: only physicians may; the others are refused and audited. */
class ReviewAccessTest {
    @TempDir
    Path dir;
    ReviewScenario scenario;
    Vertx vertx;
    SignIns signIns;
    String session;

    @BeforeEach
    void station() throws Exception {
        scenario = new ReviewScenario(dir);
        session = scenario.quickRatedSession("bed-01", "KET-601", Instant.parse("2026-11-22T09:00:00Z"));
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        signIns = new SignIns(scenario.clock, Duration.ofMinutes(15));
        await(vertx.deployVerticle(new ReviewVerticle(scenario.review(), new BusGuard(signIns, scenario.audit)),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
        scenario.close();
    }

    /** The seven actions, in an order a physician can take them all: read, annotate, sign, export. */
    private Map<String, Supplier<Object>> actions() {
        Map<String, Supplier<Object>> a = new LinkedHashMap<>();
        a.put(Addresses.REVIEW_LIST, () -> new ReviewRequest.ListSessions(ReviewFilter.ALL));
        a.put(Addresses.REVIEW_RECORD, () -> new ReviewRequest.OpenRecord(session));
        a.put(Addresses.REVIEW_WAVEFORM, () -> new ReviewRequest.Waveform(session, Stream.ECG_II, Instant.parse("2026-11-22T09:10:00Z"),
                Duration.ofSeconds(5), Duration.ofSeconds(5)));
        a.put(Addresses.REVIEW_AMEND, () -> new ReviewRequest.Amend(session, ReviewRequest.AmendmentKind.NOTE, "late entry", "slept well", null, null));
        a.put(Addresses.REVIEW_SIGN, () -> firstSign(SignatureMeaning.REVIEWED, ReviewScenario.PHYSICIAN));
        a.put(Addresses.REVIEW_EXPORT, () -> new ReviewRequest.Export(session, null, ExportFormat.RATINGS_CSV));
        a.put(Addresses.REVIEW_TRENDS, () -> new ReviewRequest.Trends(session, Instant.parse("2026-11-22T09:00:00Z"),
                Instant.parse("2026-11-22T09:20:00Z")));
        return a;
    }

    /** A signature with the user id and password, as the first one of a sign-in must be. */
    private ReviewRequest.Sign firstSign(SignatureMeaning meaning, String userId) {
        return new ReviewRequest.Sign(session, meaning, ReviewScenario.PHYSICIAN_PASSWORD.clone(), 0, userId);
    }

    private Object request(String address, Object body, String token) throws Exception {
        DeliveryOptions options = token == null ? new DeliveryOptions().setSendTimeout(10_000) : BusGuard.options(token, 10_000);
        return await(vertx.eventBus().request(address, body, options)).body();
    }

    private int refusal(String address, Object body, String token) {
        ExecutionException e = Assertions.assertThrows(ExecutionException.class, () -> request(address, body, token));
        return assertInstanceOf(ReplyException.class, e.getCause()).failureCode();
    }

    @Test
    void onlyPhysiciansMayReviewSignAmendAndExport() throws Exception {
        for (Role role : List.of(Role.NURSE, Role.ENGINEER, Role.ADMIN)) {
            String token = signIns.open(new Principal(role.key() + "-1", role, null));
            for (var action : actions().entrySet()) {
                assertEquals(BusGuard.FORBIDDEN, refusal(action.getKey(), action.getValue().get(), token), role + " on " + action.getKey());
            }
        }
        for (var action : actions().entrySet()) {
            assertEquals(BusGuard.SIGNED_OUT, refusal(action.getKey(), action.getValue().get(), null), "no token on " + action.getKey());
            assertEquals(BusGuard.SIGNED_OUT, refusal(action.getKey(), action.getValue().get(), "forged-token"), "forged token on " + action.getKey());
        }

        String physician = signIns.open(new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME));
        List<Object> replies = new ArrayList<>();
        for (var action : actions().entrySet()) {
            replies.add(request(action.getKey(), action.getValue().get(), physician));
        }
        assertEquals(List.of(session), ((SessionListing.SessionListings) replies.get(0)).sessions().stream().map(SessionListing::sessionId).toList());
        assertEquals("KET-601", ((SessionRecord) replies.get(1)).listing().subjectCode());
        assertEquals(0, ((WaveformWindow) replies.get(2)).times().length, "nothing stored for ECG II in this test");
        assertEquals(1, ((SessionRecord) replies.get(3)).amendments().size());
        assertEquals(ReviewFilter.RecordState.SIGNED, ((SessionRecord) replies.get(4)).listing().state());
        assertTrue(((ExportFile) replies.get(5)).fileName().startsWith("KET-601-"), ((ExportFile) replies.get(5)).fileName());
        assertNull(((TrendWindow) replies.get(6)).problem());

        List<AuditEntry> denied = AuditReader.readVerified(scenario.file).stream().filter(e -> e.type().equals("access.denied")).toList();
        Set<String> expected = new HashSet<>();
        for (String role : List.of("nurse", "engineer", "admin")) {
            for (String address : actions().keySet()) {
                expected.add(role + " " + address);
            }
        }
        assertEquals(3 * actions().size(), denied.size(), "three roles refused on each of the seven addresses");
        assertEquals(expected, denied.stream().map(e -> e.payload().get("role") + " " + e.payload().get("address")).collect(Collectors.toSet()));
        assertTrue(denied.stream().allMatch(e -> e.sessionId() == null));
    }

    @Test
    void failuresCarryTheirCodeAndMessageOverTheBus() throws Exception {
        String physician = signIns.open(new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME));
        assertEquals(404, refusal(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord("nope"), physician));
        assertEquals(400, refusal(Addresses.REVIEW_WAVEFORM, new ReviewRequest.Waveform(session, Stream.HR, Instant.now(), Duration.ZERO,
                Duration.ofSeconds(1)), physician));
        assertEquals(422, refusal(Addresses.REVIEW_SIGN, new ReviewRequest.Sign(session, SignatureMeaning.REVIEWED, "nope".toCharArray()), physician));
        assertEquals(400, refusal(Addresses.REVIEW_RECORD, "not a request", physician));
        request(Addresses.REVIEW_SIGN, firstSign(SignatureMeaning.REVIEWED, ReviewScenario.PHYSICIAN), physician);
        ExecutionException twice = Assertions.assertThrows(ExecutionException.class, () -> request(Addresses.REVIEW_SIGN,
                new ReviewRequest.Sign(session, SignatureMeaning.REVIEWED, ReviewScenario.PHYSICIAN_PASSWORD.clone()), physician));
        ReplyException r = assertInstanceOf(ReplyException.class, twice.getCause());
        assertEquals(409, r.failureCode());
        assertTrue(r.getMessage().contains("already signed"), r.getMessage());
    }

    @Test
    void theFirstSignatureOfASignInNeedsTheUserIdAndPasswordAndLaterOnesThePasswordOnly() throws Exception {
        String physician = signIns.open(new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME));
        ExecutionException noId = Assertions.assertThrows(ExecutionException.class, () -> request(Addresses.REVIEW_SIGN,
                new ReviewRequest.Sign(session, SignatureMeaning.REVIEWED, ReviewScenario.PHYSICIAN_PASSWORD.clone()), physician));
        assertEquals(422, assertInstanceOf(ReplyException.class, noId.getCause()).failureCode());
        assertEquals(ReviewService.FIRST_SIGNATURE, noId.getCause().getMessage());
        assertEquals(422, refusal(Addresses.REVIEW_SIGN, firstSign(SignatureMeaning.REVIEWED, "someone.else"), physician),
                "another user's id with the right password is refused");

        SessionRecord first = (SessionRecord) request(Addresses.REVIEW_SIGN, firstSign(SignatureMeaning.REVIEWED, ReviewScenario.PHYSICIAN), physician);
        assertEquals(1, first.signatures().size());
        SessionRecord second = (SessionRecord) request(Addresses.REVIEW_SIGN,
                new ReviewRequest.Sign(session, SignatureMeaning.APPROVED, ReviewScenario.PHYSICIAN_PASSWORD.clone()), physician);
        assertEquals(2, second.signatures().size(), "the second signature of the sign-in takes the password alone");

        String again = signIns.open(new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, ReviewScenario.PHYSICIAN_NAME));
        request(Addresses.REVIEW_AMEND, new ReviewRequest.Amend(session, ReviewRequest.AmendmentKind.NOTE, "late entry", "slept", null, null), again);
        assertEquals(422, refusal(Addresses.REVIEW_SIGN, new ReviewRequest.Sign(session, SignatureMeaning.REVIEWED,
                ReviewScenario.PHYSICIAN_PASSWORD.clone()), again), "a new sign-in asks the user id again");

        List<String> confirmations = AuditReader.readVerified(scenario.file).stream()
                .filter(e -> e.type().startsWith("user.password_confirm"))
                .map(e -> e.type() + " " + e.payload().getOrDefault("components", "password")).toList();
        assertEquals(List.of("user.password_confirm_failed user id and password", "user.password_confirmed user id and password",
                "user.password_confirmed password"), confirmations);
    }
}
