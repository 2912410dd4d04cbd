package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.bus.ReviewVerticle;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.testing.GatedReviewStation;
import org.openinfusion.station.testing.ReviewScenario;
import org.openinfusion.testing.Eventually;

/**
 * Exports have their own threads ({@link ReviewVerticle#EXPORT_WORKERS}): while an EDF+ export is held inside the store
 * (a latch in the store fake, as long as a 4-hour file takes), the list, a record's open and a signature are answered;
 * no more than that many exports are written at once, and the waiting ones are written when a thread is free.
 */
class ReviewExportWorkerTest {
    private static final Instant WAVE = GatedReviewStation.WAVE;

    @TempDir
    Path dir;
    GatedReviewStation station;

    @BeforeEach
    void station() throws Exception {
        station = new GatedReviewStation(dir);
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    private Future<Message<ExportFile>> edfExport() {
        return station.request(Addresses.REVIEW_EXPORT, new ReviewRequest.Export(station.fixture.closed, null, ExportFormat.EDF_PLUS, WAVE,
                WAVE.plusSeconds(10)));
    }

    private <T> T ask(String address, ReviewRequest request) throws Exception {
        return await(station.<T>request(address, request)).body();
    }

    @Test
    void listOpenAndSignAreAnsweredWhileAnExportIsHeldInTheStore() throws Exception {
        Future<Message<ExportFile>> export = edfExport();
        Eventually.waitUntil(Duration.ofSeconds(30), "the export reads the store", () -> station.held() > 0);

        SessionListing.SessionListings listed = ask(Addresses.REVIEW_LIST, new ReviewRequest.ListSessions(ReviewFilter.ALL));
        assertTrue(listed.sessions().stream().anyMatch(s -> s.sessionId().equals(station.fixture.closed)), "the session is listed");
        SessionRecord record = ask(Addresses.REVIEW_RECORD, new ReviewRequest.OpenRecord(station.fixture.closed));
        assertEquals(station.fixture.closed, record.listing().sessionId());
        Object signed = ask(Addresses.REVIEW_SIGN, new ReviewRequest.Sign(station.fixture.closed, SignatureMeaning.REVIEWED,
                ReviewScenario.PHYSICIAN_PASSWORD.clone(), record.lastSeq(), ReviewScenario.PHYSICIAN));
        assertNotNull(signed);
        assertFalse(export.isComplete(), "the export is still held in the store");

        station.release();
        Message<ExportFile> answer = await(export);
        answer.reply(Boolean.TRUE);
        assertNotNull(answer.body().spooled(), "the EDF+ file, written once the store answered");
        answer.body().discard();
    }

    @Test
    void noMoreExportsThanItsThreadsAreWrittenAtOnceAndTheRestFollow() throws Exception {
        List<Future<Message<ExportFile>>> exports = new ArrayList<>();
        for (int i = 0; i < ReviewVerticle.EXPORT_WORKERS + 1; i++) {
            exports.add(edfExport());
        }
        Eventually.waitUntil(Duration.ofSeconds(30), "every export thread reads the store",
                () -> station.held() >= ReviewVerticle.EXPORT_WORKERS);
        // a round trip through the review worker, after which the third export has had its chance to start
        ask(Addresses.REVIEW_LIST, new ReviewRequest.ListSessions(ReviewFilter.ALL));
        assertEquals(ReviewVerticle.EXPORT_WORKERS, station.held(),
                "one export waits for a free thread");

        station.release();
        for (Future<Message<ExportFile>> f : exports) {
            Message<ExportFile> answer = await(f);
            answer.reply(Boolean.TRUE);
            assertNotNull(answer.body().spooled());
            answer.body().discard();
        }
    }
}
