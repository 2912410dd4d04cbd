package org.openinfusion.dashboard.review;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.KaribuStation;
import org.openinfusion.station.clinical.review.ReviewRequest;
import org.openinfusion.station.clinical.review.WaveformWindow;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.security.Role;

/**
 * The record page asks the station for the ECG and pleth around its alarms and markers before they are clicked, one
 * request at a time, and a click draws from the page (docs/performance.md, "Review"). The canned record has three events
 * with a waveform: the HR alarm raised, acknowledged (20 s later) and a marker.
 */
class WaveformPrefetchTest {
    private KaribuStation station;
    private FakeReviewStation review;
    private ReviewRecordView view;

    @BeforeEach
    void start() throws Exception {
        station = new KaribuStation();
        review = new FakeReviewStation(station.vertx);
        station.signIn("doc", Role.PHYSICIAN);
    }

    @AfterEach
    void stop() throws Exception {
        station.close();
    }

    private void open() {
        UI.getCurrent().navigate("review/s-1");
        view = assertInstanceOf(ReviewRecordView.class, UI.getCurrent().getCurrentView());
        KaribuStation.until(() -> view.windows() != null);
        timelineDrawn();
        KaribuStation.until(() -> !review.requests(ReviewRequest.Waveform.class).isEmpty());
    }

    /** What the browser reports once it has drawn the timeline's panels. */
    private void timelineDrawn() {
        view.timeline().getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(view.timeline().getElement(), "timeline-drawn", JacksonUtils.createObjectNode()));
    }

    private List<ReviewRequest.Waveform> asked() {
        return review.requests(ReviewRequest.Waveform.class);
    }

    @SuppressWarnings("unchecked")
    private static void clickEventRow(int row) {
        GridKt._clickItem(_get(Grid.class, s -> s.withId("events-grid")), row, 0, false, false, false, false);
    }

    @Test
    void theRecordsAlarmAndMarkerWindowsAreAskedForOnceEachBeforeAnyClickAndAClickDrawsFromThePage() {
        open();
        KaribuStation.until(() -> asked().size() == 6);
        List<Instant> moments = List.of(CannedRecords.ALARM_AT, CannedRecords.ALARM_AT.plusSeconds(20),
                CannedRecords.START.plus(Duration.ofMinutes(20)));
        for (Instant at : moments) {
            for (Stream s : List.of(Stream.ECG_II, Stream.PLETH)) {
                assertEquals(1, asked().stream().filter(w -> w.at().equals(at) && w.stream() == s).count(), s + " at " + at);
            }
        }
        KaribuStation.until(() -> view.windows().has(new WaveformCache.Key(Stream.PLETH, moments.getLast())));

        clickEventRow(4); // the marker
        WaveformDialog dialog = _get(WaveformDialog.class, s -> s.withId("waveform-dialog"));
        assertEquals(10_000, dialog.ecg().samples(), "drawn in the answer to the click itself");
        assertEquals(10_000, dialog.pleth().samples());
        assertEquals("page", dialog.ecg().getElement().getAttribute("data-from"));
        assertEquals(6, asked().size(), "nothing asked again");
        assertEquals(2, view.windows().hits());
    }

    @Test
    void nothingIsAskedAheadBeforeTheBrowserHasDrawnTheTimelineNorAfterThePageHasLeftTheRecord() {
        UI.getCurrent().navigate("review/s-1");
        view = assertInstanceOf(ReviewRecordView.class, UI.getCurrent().getCurrentView());
        KaribuStation.until(() -> view.windows() != null); // the record shown (a request ahead is counted when it is sent)
        assertEquals(0, view.windows().requests(), "asked before the timeline was drawn");

        review.holdWaveforms = true;
        timelineDrawn();
        KaribuStation.until(() -> asked().size() == 1);
        WaveformCache windows = view.windows();
        UI.getCurrent().navigate("review"); // the page leaves the record: the view is detached
        review.answerHeldWaveforms();
        KaribuStation.until(() -> windows.has(new WaveformCache.Key(Stream.ECG_II, CannedRecords.ALARM_AT)));
        assertEquals(1, windows.requests(), "asked ahead for a page that left the record (the next is asked when one is answered)");
    }

    @Test
    void onlyOneWindowIsAskedAheadAtATimeAndAClickWaitsForTheOneOnItsWayInsteadOfAskingAgain() {
        review.holdWaveforms = true;
        open();
        KaribuStation.until(() -> !asked().isEmpty());
        assertEquals(List.of(Stream.ECG_II), asked().stream().map(ReviewRequest.Waveform::stream).toList(),
                "one request ahead at a time: the alarm's ECG");

        clickEventRow(2); // the alarm, whose ECG is on its way
        WaveformDialog dialog = _get(WaveformDialog.class, s -> s.withId("waveform-dialog"));
        assertEquals("station", dialog.ecg().getElement().getAttribute("data-from"));
        KaribuStation.until(() -> asked().size() == 2);
        assertEquals(1, asked().stream().filter(w -> w.stream() == Stream.ECG_II).count(), "the ECG is not asked twice");
        assertEquals(Stream.PLETH, asked().getLast().stream(), "the click asks at once for what is not on its way");
        assertEquals(0, dialog.ecg().samples());

        review.answerHeldWaveforms();
        KaribuStation.until(() -> dialog.ecg().samples() == 10_000 && dialog.pleth().samples() == 10_000);
        KaribuStation.until(() -> asked().size() == 6); // the rest still asked for ahead, each once
    }

    @Test
    void aClickWhileWindowsAreAskedAheadIsAnsweredFirstNothingMoreIsAskedAheadUntilItsWindowsAreHere() {
        review.holdWaveforms = true;
        open();
        KaribuStation.until(() -> asked().size() == 1); // the alarm's ECG, asked ahead
        Instant marker = CannedRecords.START.plus(Duration.ofMinutes(20));

        clickEventRow(4); // the marker, while the prefetch runs: its ECG and pleth asked at once
        WaveformDialog dialog = _get(WaveformDialog.class, s -> s.withId("waveform-dialog"));
        KaribuStation.until(() -> asked().size() == 3);
        assertEquals(List.of(marker, marker), asked().subList(1, 3).stream().map(ReviewRequest.Waveform::at).toList());

        // the window asked ahead before the click comes: nothing more is asked ahead while the click's are out
        review.answerHeldWaveforms(w -> w.at().equals(CannedRecords.ALARM_AT));
        KaribuStation.until(() -> view.windows().has(new WaveformCache.Key(Stream.ECG_II, CannedRecords.ALARM_AT)));
        assertEquals(3, view.windows().requests(), "asked ahead while the click's windows were on their way");

        // the click's windows come and are drawn; then the rest is asked ahead again, each once
        review.answerHeldWaveforms(w -> w.at().equals(marker) && w.stream() == Stream.ECG_II);
        KaribuStation.until(() -> dialog.ecg().samples() == 10_000);
        assertEquals(3, view.windows().requests(), "the click's pleth is still out");
        review.answerHeldWaveforms();
        KaribuStation.until(() -> dialog.pleth().samples() == 10_000 && asked().size() == 6);
        assertEquals(6, asked().stream().distinct().count(), "each window asked once");
    }

    @Test
    void thePointerRestingOnAMarkerAsksForItsWindowsNext() {
        review.holdWaveforms = true;
        open();
        KaribuStation.until(() -> asked().size() == 1);
        var data = JacksonUtils.readTree("{\"event.detail\": {\"index\": 4}}");
        view.timeline().getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(view.timeline().getElement(), "event-hover", data));
        review.answerHeldWaveforms();

        KaribuStation.until(() -> asked().size() == 6);
        Instant marker = CannedRecords.START.plus(Duration.ofMinutes(20));
        assertEquals(List.of(marker, marker), asked().subList(1, 3).stream().map(ReviewRequest.Waveform::at).toList(),
                "the marker's ECG and pleth right after the request that was out");
    }

    @Test
    void evenlySpacedSamplesTravelAsFirstTimeAndStepOthersWithEveryTime() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        long first = (at.toEpochMilli() - 10_000) * 1000;
        WaveformWindow even = new WaveformWindow(Stream.ECG_II, new long[] {first, first + 2000, first + 4000}, new float[] {1, 2, 3}, null);
        WaveformTrace.Packed p = WaveformTrace.pack(even, at);
        assertNull(p.times());
        assertEquals(-10_000.0, p.firstMs());
        assertEquals(2.0, p.stepMs());
        assertArrayEquals(new float[] {1, 2, 3}, floats(p.values()));
        assertEquals("mV", p.unit());

        WaveformWindow gap = new WaveformWindow(Stream.ECG_II, new long[] {first, first + 2000, first + 9000}, new float[] {1, 2, 3}, null);
        WaveformTrace.Packed q = WaveformTrace.pack(gap, at);
        assertArrayEquals(new float[] {-10_000f, -9_998f, -9_991f}, floats(q.times()));
    }

    private static float[] floats(String b64) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(b64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }
}
