package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.port.TimeSeriesReader.StoredValue;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.testing.ReviewScenario;

/**
 * Review shows a monitor whose clock is two hours behind the station's at station time, as the exports do: its trends on
 * the timeline and the waveform around a marker, none shifted or dropped (docs/exports.md, "Device clocks").
 */
class ReviewDeviceClockTest {
    private static final Instant T = Instant.parse("2026-11-22T16:00:00Z");
    private static final Duration BEHIND = Duration.ofHours(2);
    private static final String BED = ReviewScenario.BED;

    @TempDir
    Path dir;
    ReviewScenario scenario;
    String session;
    Instant marker;

    @BeforeEach
    void sessionWithAMonitorTwoHoursBehind() throws IOException {
        scenario = new ReviewScenario(dir);
        DeviceRef monitor = new DeviceRef(BED, "monitor");
        scenario.clock.set(T);
        session = scenario.sessions.create("nurse-2", BED, ReviewScenario.PROTOCOL, "KET-601", SubjectMeasures.weight(70), "KIT-61").id();
        for (int minute = 5; minute <= 15; minute++) {
            scenario.clock.set(T.plus(Duration.ofMinutes(minute)));
            Instant device = scenario.clock.instant().minus(BEHIND);
            // the station learns the offset from what the monitor sends; the store keeps the monitor's own time
            scenario.sessions.numeric(new NumericSample(monitor, Stream.HR, 70 + minute, device, scenario.clock.instant(), minute));
            scenario.series.add(new StoredValue(device, "monitor", Stream.HR, 70 + minute));
            if (minute == 10) {
                marker = scenario.sessions.mark(BED, "nurse-2", "NAUSEA", "");
                for (int i = -10 * 250; i < 10 * 250; i++) {
                    scenario.series.add(new StoredValue(device.plusMillis(4L * i), "monitor", Stream.ECG_II, Math.sin(i / 40.0)));
                }
            }
        }
        scenario.clock.set(T.plus(Duration.ofMinutes(30)));
        scenario.sessions.command(BED, new SessionEvent.Closed(scenario.clock.instant(), "nurse-2", "ended early"));
    }

    @AfterEach
    void close() throws IOException {
        scenario.close();
    }

    @Test
    void theTimelinesHeartRateIsAtStationTimeNoneDropped() {
        SessionRecord r = scenario.review().open(session);
        assertNull(r.storeProblem());
        SessionRecord.Trend hr = r.trends().stream().filter(t -> t.stream() == Stream.HR).findFirst().orElseThrow();
        assertEquals(11, hr.times().length, "every value of the monitor (its own clock says 14:05 to 14:15, before the session)");
        assertEquals(T.plus(Duration.ofMinutes(5)).toEpochMilli(), hr.times()[0]);
        assertEquals(T.plus(Duration.ofMinutes(15)).toEpochMilli(), hr.times()[10]);
        assertEquals(75.0, hr.values()[0]);
    }

    @Test
    void theWaveformAroundAMarkerIsTheMonitorsAtStationTime() {
        WaveformWindow w = scenario.review().waveform(new ReviewRequest.Waveform(session, Stream.ECG_II, marker,
                Duration.ofSeconds(10), Duration.ofSeconds(10)));
        assertNull(w.problem());
        assertEquals(5000, w.values().length, "the twenty seconds the monitor sent around the marker");
        long from = marker.minusSeconds(10).toEpochMilli() * 1000;
        long to = marker.plusSeconds(10).toEpochMilli() * 1000;
        assertTrue(Arrays.stream(w.times()).allMatch(us -> us >= from && us < to), "within the marker's window at station time");
        assertEquals(Math.sin(0), w.values()[2500], 1e-6, "the sample the monitor stamped at the marker");
    }
}
