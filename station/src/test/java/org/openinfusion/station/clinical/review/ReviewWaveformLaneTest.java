package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.GatedReviewStation;
import org.openinfusion.testing.Eventually;

/**
 * Waveform windows have a thread of their own on the station: while a window is held inside the store (a latch in the
 * store fake, as a window asked ahead by a record page just left is still read by InfluxDB), the list and a record's open
 * are answered; the windows themselves are read one at a time and answered in the order they were asked.
 */
class ReviewWaveformLaneTest {
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

    private Future<Message<WaveformWindow>> window(int secondsAfter) {
        return station.request(Addresses.REVIEW_WAVEFORM, new ReviewRequest.Waveform(station.fixture.closed, Stream.ECG_II,
                WAVE.plusSeconds(secondsAfter), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @Test
    void theListAndARecordAreAnsweredWhileAWindowIsHeldInTheStore() throws Exception {
        Future<Message<WaveformWindow>> held = window(5);
        Eventually.waitUntil(Duration.ofSeconds(30), "the window is read from the store", () -> station.held() > 0);

        SessionListing.SessionListings listed = await(station.<SessionListing.SessionListings>request(Addresses.REVIEW_LIST,
                new ReviewRequest.ListSessions(ReviewFilter.ALL))).body();
        assertTrue(listed.sessions().stream().anyMatch(s -> s.sessionId().equals(station.fixture.closed)), "the session is listed");
        SessionRecord record = await(station.<SessionRecord>request(Addresses.REVIEW_RECORD,
                new ReviewRequest.OpenRecord(station.fixture.closed))).body();
        assertEquals(station.fixture.closed, record.listing().sessionId());
        assertFalse(held.isComplete(), "the window is still held in the store");

        station.release();
        assertTrue(await(held).body().times().length > 0, "the window, answered once the store has");
    }

    @Test
    void windowsAreReadOneAtATimeAndAnsweredInTheOrderAsked() throws Exception {
        List<Integer> answered = new CopyOnWriteArrayList<>();
        List<Future<Message<WaveformWindow>>> windows = List.of(window(2), window(4), window(6));
        for (int i = 0; i < windows.size(); i++) {
            int n = i;
            windows.get(i).onSuccess(m -> answered.add(n));
        }
        Eventually.waitUntil(Duration.ofSeconds(30), "the first window is read from the store", () -> station.held() > 0);
        // a round trip through the review worker, after which the other windows have had their chance to start
        await(station.request(Addresses.REVIEW_LIST, new ReviewRequest.ListSessions(ReviewFilter.ALL)));
        assertEquals(1, station.held(), "one window is read at a time");

        station.release();
        for (Future<Message<WaveformWindow>> w : windows) {
            await(w);
        }
        assertEquals(List.of(0, 1, 2), answered, "answered in the order asked");
    }

    @Test
    void aWindowOfAnUnknownSessionIsRefusedAsBefore() throws Exception {
        station.release();
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> await(station.request(Addresses.REVIEW_WAVEFORM, new ReviewRequest.Waveform("no-such-session", Stream.ECG_II, WAVE,
                        Duration.ofSeconds(2), Duration.ofSeconds(2)))));
        assertEquals(ReviewException.NOT_FOUND, ((ReplyException) refused.getCause()).failureCode());
    }
}
