package org.openinfusion.dashboard.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.review.ReviewFilter;
import org.openinfusion.station.clinical.review.SessionListing;

/**
 * A record's address names the session's day in the site's zone, the day its export files name
 * (station ExportNamesTest.aSessionCrossingMidnightUtcIsNamedByTheSiteDayAsItsRecordAddressIs: KET-103-2026-12-05-...).
 */
class RecordRefTest {
    private static SessionListing listing(String id, Instant created) {
        return new SessionListing(id, "KET-103", "ketamine-naltrexone-crossover", 2, "bed-01", created, created.plusSeconds(7200),
                ReviewFilter.RecordState.CLOSED, null, false, true, "Ketamine");
    }

    @Test
    void aSessionCrossingMidnightUtcIsAddressedByTheSitesDay() {
        ZoneId before = Text.zone();
        try {
            Text.zone(ZoneId.of("Europe/Berlin"));
            // 23:30 UTC on 4 December is 00:30 on 5 December in Berlin
            SessionListing late = listing("s-10", Instant.parse("2026-12-04T23:30:00Z"));
            SessionListing morning = listing("s-11", Instant.parse("2026-12-05T09:00:00Z"));
            assertEquals("KET-103-2026-12-05", RecordRef.of(late, List.of(late, morning)));
            assertEquals("KET-103-2026-12-05-2", RecordRef.of(morning, List.of(late, morning)));
            Text.zone(ZoneId.of("America/New_York"));
            assertEquals("KET-103-2026-12-04", RecordRef.of(late, List.of(late, morning)));
        } finally {
            Text.zone(before);
        }
    }
}
