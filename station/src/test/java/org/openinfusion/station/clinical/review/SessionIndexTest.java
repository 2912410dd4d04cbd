package org.openinfusion.station.clinical.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.clinical.review.ReviewFilter.RecordState;
import org.openinfusion.station.security.Principal;
import org.openinfusion.station.security.Role;
import org.openinfusion.station.testing.ReviewScenario;

/** The session list over a real audit file: four sessions on four days, one open, one signed. */
class SessionIndexTest {
    @TempDir
    static Path dir;
    static ReviewScenario scenario;
    static ReviewService review;

    @BeforeAll
    static void fourSessions() throws Exception {
        scenario = new ReviewScenario(dir);
        scenario.quickSession("bed-01", "ketamine-naltrexone-crossover", "KET-301", Instant.parse("2026-11-22T09:00:00Z"), false);
        scenario.quickSession("bed-02", "ketamine-midazolam-active-placebo", "KET-302", Instant.parse("2026-11-23T09:00:00Z"), false);
        scenario.quickSession("bed-03", "ketamine-buprenorphine-double-dummy", "KET-410", Instant.parse("2026-11-24T09:00:00Z"), true);
        String signed = scenario.quickSession("bed-04", "ketamine-naltrexone-crossover", "KET-411", Instant.parse("2026-11-25T09:00:00Z"), false);
        review = scenario.review();
        review.sign(new Principal(ReviewScenario.PHYSICIAN, Role.PHYSICIAN, null),
                new ReviewRequest.Sign(signed, SignatureMeaning.APPROVED, ReviewScenario.PHYSICIAN_PASSWORD.clone()));
    }

    @AfterAll
    static void close() throws Exception {
        scenario.close();
    }

    private static List<String> subjects(ReviewFilter f) {
        return review.list(f).sessions().stream().map(SessionListing::subjectCode).toList();
    }

    private static ReviewFilter filter(String protocol, LocalDate from, LocalDate to, String subject, RecordState state, boolean needsSignature) {
        return new ReviewFilter(protocol, from, to, subject, state, needsSignature);
    }

    @Test
    void everySessionNewestFirst() {
        assertEquals(List.of("KET-411", "KET-410", "KET-302", "KET-301"), subjects(ReviewFilter.ALL));
        SessionListing signed = review.list(ReviewFilter.ALL).sessions().getFirst();
        assertEquals(RecordState.SIGNED, signed.state());
        assertEquals(SignatureMeaning.APPROVED, signed.lastSignature().meaning());
        assertEquals(ReviewScenario.PHYSICIAN_NAME, signed.lastSignature().printedName());
    }

    @Test
    void datesAreTheCreationDayInTheSitesTimeZone() {
        LocalDate day = LocalDate.of(2026, 11, 22);
        // KET-302 was created at 09:00 UTC on 23 November: 23:00 on the 22nd in Honolulu
        assertEquals(List.of("KET-301"), subjects(filter(null, day, day, null, null, false)));
        assertEquals(List.of("KET-302"), subjects(new ReviewFilter(null, day, day, null, null, false, ZoneId.of("Pacific/Honolulu"))));
    }

    @Test
    void byProtocol() {
        assertEquals(List.of("KET-411", "KET-301"), subjects(filter("ketamine-naltrexone-crossover", null, null, null, null, false)));
    }

    @Test
    void byCreationDateBothEndsIncluded() {
        assertEquals(List.of("KET-410", "KET-302"), subjects(filter(null, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), null, null, false)));
        assertEquals(List.of("KET-411"), subjects(filter(null, LocalDate.of(2026, 11, 25), null, null, null, false)));
    }

    @Test
    void bySubjectCodeContainingTheTextInAnyCase() {
        assertEquals(List.of("KET-411", "KET-410"), subjects(filter(null, null, null, "41", null, false)));
        assertEquals(List.of("KET-302", "KET-301"), subjects(filter(null, null, null, "ket-30", null, false)));
    }

    @Test
    void byStateAndNeedingASignature() {
        assertEquals(List.of("KET-410"), subjects(filter(null, null, null, null, RecordState.OPEN, false)));
        assertEquals(List.of("KET-302", "KET-301"), subjects(filter(null, null, null, null, RecordState.CLOSED, false)));
        assertEquals(List.of("KET-411"), subjects(filter(null, null, null, null, RecordState.SIGNED, false)));
        assertEquals(List.of("KET-302", "KET-301"), subjects(filter(null, null, null, null, null, true)));
        assertEquals(List.of("KET-301"), subjects(filter("ketamine-naltrexone-crossover", null, null, null, null, true)));
    }
}
