package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.review.SessionRecord.Summary;

/** The summary's peak dissociation line: the highest CADSS after the infusion start, or that there was none. */
class SummaryPanelTest {
    private static Summary peak(Integer total, String form, String timePoint) {
        return new Summary(null, null, null, total, form, timePoint, null, null, null, null, 0, 0, 0);
    }

    @Test
    void withoutACadssAfterTheInfusionStartItSaysSoRatherThanNamingTheBaseline() {
        assertEquals("No CADSS rated after the infusion start", SummaryPanel.peak(peak(null, null, null)));
    }

    @Test
    void aPeakNamesItsFormTotalAndTimePoint() {
        assertEquals("CADSS total 0 at End of infusion", SummaryPanel.peak(peak(0, "CADSS", "end-of-infusion")));
        assertEquals("CADSS-6 total 7 at T+20 min", SummaryPanel.peak(peak(7, "CADSS-6", "t20")));
    }
}
