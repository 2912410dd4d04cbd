package org.openinfusion.dashboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.export.ExportFormat;

/**
 * The review benchmark at smoke size (a 72-second session, one open of its record): checks correctness only, that
 * every generated value is stored and exported, every command of the session accepted, the timeline drawn and the
 * ECG around every marker shown in the page, and the page's downloads the same size as the station's exports. Its
 * timing figures are printed, never asserted.
 */
class ReviewSmokeIT {
    @Test
    void aShortRecordIsStoredWholeAndItsTimelineWaveformsAndExportsReachThePage() throws Exception {
        ReviewBenchmark.Result r = ReviewBenchmark.run(new ReviewBenchmark.Options(0.02, 1, new PrintStream(System.out, true)));

        assertEquals("", r.refused(), "every command of the session was accepted");
        assertEquals(r.waveformSamples(), r.storedWaveform(), "every generated waveform sample is in InfluxDB");
        assertEquals(r.numericValues(), r.storedNumeric(), "every generated numeric value is in InfluxDB");
        assertEquals(r.numericValues(), r.vitalsCsvRows(), "the vitals CSV has one row per stored numeric value");
        assertEquals(9, r.ratings(), "baseline (3), end of infusion (2) and 2 h (4) ratings recorded");
        assertTrue(r.markers() > 0, "markers recorded");
        assertEquals(r.markers(), r.busWaveform().size());
        assertTrue(r.busWaveformSamples() >= r.markers() * 10 * 500L,
                "at least the 10 s before each marker of ECG II at 500 Hz: " + r.busWaveformSamples());
        assertEquals(1, r.pageTimeline().size(), "the timeline was drawn");
        assertEquals(1, r.appTimeline().size(), "the record was opened again from the sessions list");
        assertTrue(r.appTimeline().getFirst() < ReviewBenchmark.APP_OPEN_WAIT.toMillis(), "the in-app open drew the timeline");
        assertEquals(r.markers(), r.pageWaveform().size(), "the ECG around every marker was drawn in the page");
        assertEquals(r.busExports().get(ExportFormat.VITALS_CSV.key())[1], r.pageExports().get(ExportFormat.VITALS_CSV.key())[1],
                "the page downloads the vitals CSV the station writes");
        assertTrue(r.pageExports().get(ExportFormat.BUNDLE_JSON.key())[1] > 0, "the page downloads the session bundle");
    }
}
