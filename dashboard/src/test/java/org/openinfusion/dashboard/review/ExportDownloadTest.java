package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.export.ExportFormat;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.CapturedLog;

/**
 * A review download's path through the dashboard: the station's file reaches the browser, and when the station is
 * slow or gone the browser gets 504 or 503 with words staff can act on, the failure is logged without the record's
 * identifiers, and a spool file nobody takes is not left behind.
 */
class ExportDownloadTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:05:00Z");

    private KaribuStation station;
    private FakeReviewStation review;
    private Div owner;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
        review = new FakeReviewStation(station.vertx);
        station.signIn("doc", Role.PHYSICIAN);
        owner = new Div();
        UI.getCurrent().add(owner);
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    private ExportDownload edfWindow(Duration exportTimeout) {
        ReviewClient client = new ReviewClient(station.vertx, UI.getCurrent(), exportTimeout);
        return new ExportDownload(() -> client, () -> new ReviewRequest.Export("s-1", ReviewFilter.ALL, ExportFormat.EDF_PLUS,
                AT, AT.plusSeconds(20)));
    }

    @Test
    void aSpooledExportIsAcknowledgedStreamedAndItsSpoolFileDeletedOnceSent() throws Exception {
        Downloads.Received got = Downloads.fetch(edfWindow(ReviewClient.EXPORT_TIMEOUT), owner);

        assertEquals(200, got.status());
        assertArrayEquals(FakeReviewStation.exported(review.requests(ReviewRequest.Export.class).getLast()), got.body());
        KaribuStation.until(() -> review.taken.size() == 1);
        assertTrue(review.notTaken.isEmpty());
        assertFalse(Files.exists(review.taken.getFirst()), "the spool file is deleted once sent");
    }

    @Test
    void noAnswerWithinTheExportTimeoutIs504WithStaffWordsALogLineAndTheLateFileIsNotKept() throws Exception {
        review.exportDelay = Duration.ofSeconds(3);
        try (CapturedLog log = new CapturedLog(ReviewClient.class)) {
            Downloads.Received got = Downloads.fetch(edfWindow(Duration.ofSeconds(1)), owner);

            assertEquals(504, got.status());
            MockVaadin.clientRoundtrip(false);
            NotificationsKt.expectNotifications(Text.get("download.timeout", "1 s"));
            assertEquals(1, log.containing("edf-plus export failed with 504").size(), log.lines().toString());
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("s-1") || l.contains("KET")), "no record identifiers: " + log.lines());
        }
        // the station finishes after the download gave up: nobody acknowledges the file, so it is deleted
        KaribuStation.until(() -> review.notTaken.size() == 1);
        assertTrue(review.taken.isEmpty());
        assertFalse(Files.exists(review.notTaken.getFirst()));
    }

    @Test
    void noStationIs503WithStaffWordsAndALogLine() throws Exception {
        review.stopExports();
        try (CapturedLog log = new CapturedLog(ReviewClient.class)) {
            Downloads.Received got = Downloads.fetch(edfWindow(ReviewClient.EXPORT_TIMEOUT), owner);

            assertEquals(503, got.status());
            MockVaadin.clientRoundtrip(false);
            NotificationsKt.expectNotifications(Text.get("download.unavailable"));
            assertEquals(1, log.containing("edf-plus export failed with 503").size(), log.lines().toString());
        }
    }

    @Test
    void aRefusalKeepsTheStationsCodeAndSaysWhy() throws Exception {
        ReviewClient client = new ReviewClient(station.vertx, UI.getCurrent());
        ExportDownload unknown = new ExportDownload(() -> client, () -> new ReviewRequest.Export("s-404", null, ExportFormat.RATINGS_CSV));
        review.refuseExportsOf("s-404");

        Downloads.Received got = Downloads.fetch(unknown, owner);

        assertEquals(404, got.status());
        MockVaadin.clientRoundtrip(false);
        NotificationsKt.expectNotifications(Text.get("download.refused", "No session s-404."));
    }
}
