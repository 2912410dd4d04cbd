package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.testing.Futures.await;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.bus.ReviewVerticle;
import org.openinfusion.station.clinical.export.ExportFile;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.testing.CapturedLog;
import org.openinfusion.station.testing.ReviewFixture;
import org.openinfusion.testing.Eventually;

/**
 * An EDF+ export's spool file over the real bus: kept for a requester that takes it, deleted when nobody is there to
 * take it (the dashboard gave up waiting, the browser left) or when writing fails; never left until the next start.
 */
class ReviewExportHandOverTest {
    private static final Instant WAVE = ReviewFixture.START.plusSeconds(120);

    @TempDir
    Path dir;
    ReviewFixture fixture;
    ReviewFixture.ReviewBus bus;

    @BeforeEach
    void station() throws Exception {
        fixture = new ReviewFixture(dir);
        fixture.ecg(WAVE, 60);
        bus = fixture.onBus();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private ReviewRequest.Export window() {
        return new ReviewRequest.Export(fixture.closed, null, ExportFormat.EDF_PLUS, WAVE, WAVE.plusSeconds(20));
    }

    private List<Path> spooled() throws IOException {
        if (!Files.isDirectory(fixture.spool.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(fixture.spool.dir())) {
            return files.toList();
        }
    }

    @Test
    void aRequesterThatTakesTheFileOwnsItUntilItIsSent() throws Exception {
        Message<ExportFile> answer = await(bus.<ExportFile>request(Addresses.REVIEW_EXPORT, window(), 10_000));
        answer.reply(Boolean.TRUE);
        ExportFile file = answer.body();
        assertNotNull(file.spooled());
        assertEquals(List.of(file.spooled()), spooled());

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        file.copyTo(sent);
        assertTrue(sent.size() > 256, "the EDF+ header and records");
        assertEquals(List.of(), spooled(), "deleted once sent");
    }

    @Test
    void aRequesterGoneBeforeTheFileIsWrittenLeavesNoSpoolFile() throws Exception {
        fixture.scenario.series.slowness = Duration.ofMillis(400);
        try (CapturedLog log = new CapturedLog(ReviewVerticle.class)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(bus.request(Addresses.REVIEW_EXPORT, window(), 150)));
            assertEquals(ReplyFailure.TIMEOUT, assertInstanceOf(ReplyException.class, e.getCause()).failureType());

            Eventually.waitUntil(Duration.ofSeconds(20), "the export not taken is logged", () -> !log.containing("not taken").isEmpty());
            assertEquals(List.of(), spooled(), "the spool file nobody took is deleted");
            assertTrue(log.lines().stream().noneMatch(l -> l.contains(fixture.closed) || l.contains("KET-501")), log.lines().toString());
        }
    }

    @Test
    void aWriteThatFailsLeavesNoSpoolFile() throws Exception {
        fixture.scenario.series.down = true;
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(bus.request(Addresses.REVIEW_EXPORT, window(), 10_000)));
        assertEquals(ReviewException.FAILED, assertInstanceOf(ReplyException.class, e.getCause()).failureCode());
        assertEquals(List.of(), spooled());
    }

    @Test
    void anExportHeldInMemoryIsAnsweredAsBefore() throws Exception {
        Message<ExportFile> answer = await(bus.<ExportFile>request(Addresses.REVIEW_EXPORT,
                new ReviewRequest.Export(fixture.closed, null, ExportFormat.RATINGS_CSV), 10_000));
        assertNull(answer.body().spooled(), "held in memory");
        assertFalse(answer.body().content().length == 0);
        assertEquals(List.of(), spooled());
    }
}
