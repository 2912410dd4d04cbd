package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.SessionRecord.Category;
import org.openinfusion.station.clinical.review.SessionRecord.TimelineEvent;

class ReviewFormatTest {
    private static final Instant AT = Instant.parse("2026-07-01T12:03:07Z");

    @AfterEach
    void hostZone() {
        Text.zone(ZoneId.systemDefault());
    }

    private static String title(Category c, String stationTitle) {
        return ReviewFormat.title(new TimelineEvent(AT, c, stationTitle, "", "station", 1));
    }

    @Test
    void timePointIdsInPromptAndRatingTitlesReadAsStaffNameThem() {
        assertEquals("T+26 min: due", title(Category.PROMPT, "t26: due"));
        assertEquals("Baseline: scheduled", title(Category.PROMPT, "baseline: scheduled"));
        assertEquals("CADSS at T+40 min: total 22", title(Category.RATING, "CADSS at t40: total 22"));
        assertEquals("BPRS+ at End of infusion (correction)", title(Category.RATING, "BPRS+ at end-of-infusion (correction)"));
        assertEquals("Note: t40 stays as written", title(Category.NOTE, "Note: t40 stays as written"));
    }

    @Test
    void dateTimesAreWrittenInTheSitesZoneWithItsName() {
        Text.zone(ZoneId.of("Europe/Berlin"));
        assertEquals("2026-07-01 14:03 CEST", ReviewFormat.dateTime(AT));
        assertEquals("14:03:07 CEST", ReviewFormat.timeWithZone(AT));
        Text.zone(ZoneId.of("America/New_York"));
        assertEquals("2026-07-01 08:03 EDT", ReviewFormat.dateTime(AT));
    }
}
